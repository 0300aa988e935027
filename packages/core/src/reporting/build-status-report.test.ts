import { describe, expect, it } from 'vitest';
import { buildStatusReport } from './build-status-report.ts';
import { EXECUTIVE_JARGON, findJargon, plainLanguage } from './plain-language.ts';
import { sampleSnapshot } from './report-fixtures.ts';
import { reportText } from './report-model.ts';
import { reportHealth } from './report-health.ts';

const withDora = sampleSnapshot({
  dora: {
    window: { from: '2026-01-14', to: '2026-02-13' },
    deploymentFrequency: { value: '3.5 per week', rating: 'high' },
    leadTimeForChanges: { value: '26 hours', rating: 'high' },
    changeFailureRate: { value: '12%', rating: 'elite' },
    timeToRestore: { value: '3 hours', rating: 'elite' },
    overall: 'high',
    deploymentsPerWeek: [
      { label: '2026-01-18', count: 3 },
      { label: '2026-01-25', count: 4 },
    ],
  },
  doraNote: null,
});

describe('buildStatusReport', () => {
  it('tells the executive story without jargon', () => {
    for (const snapshot of [sampleSnapshot(), withDora]) {
      const text = reportText(buildStatusReport(snapshot, 'executive'));
      expect(findJargon(text)).toEqual([]);
      expect(text).toContain('Top risks');
      expect(text).toContain('Decisions needed');
      expect(text).toContain('Expected final cost');
    }
  });

  it('the jargon scan finds each banned word and its acronym only as a word', () => {
    for (const t of EXECUTIVE_JARGON) expect(findJargon(`we have ${t.term} here`)).toContain(t.term);
    expect(findJargon('SPICE, EVENT and ACME')).toEqual([]);
    expect(findJargon('The lead times are long')).toEqual(['lead time']);
  });

  it('quotes the team’s own words in plain language', () => {
    expect(plainLanguage('Vendor delay puts SCA on the critical path; 2 days of float left')).toBe(
      'Vendor delay puts SCA on the chain of work that sets the end date; 2 days of room to slip left',
    );
    const recorded = sampleSnapshot({
      recordedHealth: { rag: 'amber', reason: 'Auth work is on the critical path' },
    });
    const text = reportText(buildStatusReport(recorded, 'executive'));
    expect(findJargon(text)).toEqual([]);
    expect(text).toContain('Auth work is on the chain of work that sets the end date');
  });

  it('gives engineers the critical path and DORA, and the PM the indicators', () => {
    const eng = reportText(buildStatusReport(withDora, 'engineering'));
    expect(eng).toContain('Critical path');
    expect(eng).toContain('Core banking API');
    expect(eng).toContain('DORA four keys');
    expect(eng).toContain('Lead time for changes');
    expect(reportText(buildStatusReport(sampleSnapshot(), 'engineering'))).toContain('No deployment data');
    const pm = reportText(buildStatusReport(withDora, 'pm'));
    for (const word of ['SPI', 'CPI', 'EAC', 'Change requests', 'RAID', 'CR-2']) expect(pm).toContain(word);
    expect(pm).not.toContain('DORA');
  });

  it('is the same report for the same snapshot', () => {
    expect(buildStatusReport(withDora, 'pm')).toEqual(buildStatusReport(withDora, 'pm'));
  });

  it('derives the RAG with reasons, or takes the recorded one first', () => {
    const derived = reportHealth(sampleSnapshot());
    expect(derived).toMatchObject({ rag: 'amber', recorded: false });
    expect(derived.reasons.join(' ')).toMatch(/5 working days later/);
    const recorded = reportHealth(
      sampleSnapshot({ recordedHealth: { rag: 'red', reason: 'Vendor slipped' } }),
    );
    expect(recorded).toMatchObject({ rag: 'red', recorded: true });
    expect(recorded.reasons[0]).toBe('Vendor slipped');
    const green = reportHealth(
      sampleSnapshot({
        schedule: { ...sampleSnapshot().schedule, finishVarianceDays: 0 },
        milestones: [],
        evm: null,
        blockers: [],
        risks: [],
      }),
    );
    expect(green.rag).toBe('green');
  });
});
