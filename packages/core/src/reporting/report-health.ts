/**
 * The RAG headline of a report: the team's recorded health when there is one, otherwise derived from
 * the snapshot — milestones and the finish date against the baseline, cost and schedule efficiency,
 * severe risks and blockers — with the reasons it found, in plain words.
 */
import type { Rag, StatusSnapshot } from './status-snapshot.ts';

export interface ReportHealth {
  rag: Rag;
  /** Plain-language reasons, worst first. */
  reasons: string[];
  recorded: boolean;
}

export const RAG_LABELS: Record<Rag, string> = {
  green: 'Green — on track',
  amber: 'Amber — at risk',
  red: 'Red — off track',
};

export function reportHealth(s: StatusSnapshot): ReportHealth {
  const red: string[] = [];
  const amber: string[] = [];
  const slip = s.schedule.finishVarianceDays;
  if (slip !== null && slip > 10)
    red.push(`the end date has moved ${Math.round(slip)} working days later than agreed`);
  else if (slip !== null && slip > 2)
    amber.push(`the end date has moved ${Math.round(slip)} working days later than agreed`);
  const lateMilestones = s.milestones.filter((m) => !m.done && (m.varianceDays ?? 0) > 2);
  if (lateMilestones.length > 0)
    (lateMilestones.some((m) => (m.varianceDays ?? 0) > 10) ? red : amber).push(
      `${lateMilestones.length} key date${lateMilestones.length === 1 ? ' is' : 's are'} slipping`,
    );
  const cpi = s.evm?.cpi ?? null;
  const spi = s.evm?.spi ?? null;
  if (cpi !== null && cpi < 0.85) red.push('spending is well ahead of the work delivered');
  else if (cpi !== null && cpi < 0.95) amber.push('spending is running ahead of the work delivered');
  if (spi !== null && spi < 0.85) red.push('work done is well behind plan');
  else if (spi !== null && spi < 0.95) amber.push('work done is behind plan');
  const severe = s.risks.filter((r) => r.rating === 'critical');
  if (severe.length > 0) amber.push(`${severe.length} severe risk${severe.length === 1 ? '' : 's'} open`);
  if (s.blockers.length > 0)
    amber.push(`${s.blockers.length} piece${s.blockers.length === 1 ? '' : 's'} of work blocked`);

  const derived: Rag = red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : 'green';
  const reasons = [...red, ...amber];
  if (s.recordedHealth) {
    const text = s.recordedHealth.reason?.trim().replace(/[.;\s]+$/, '');
    return { rag: s.recordedHealth.rag, reasons: text ? [text, ...reasons] : reasons, recorded: true };
  }
  return {
    rag: derived,
    reasons: reasons.length > 0 ? reasons : ['dates, money and risks are within tolerance'],
    recorded: false,
  };
}
