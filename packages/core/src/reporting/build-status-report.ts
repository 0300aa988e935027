/**
 * One status, told for each audience: `buildStatusReport(snapshot, 'executive' | 'pm' | 'engineering')`.
 *
 * @example
 * const report = buildStatusReport(snapshot, 'executive');
 * report.sections.map((s) => s.heading); // ['Overall status', 'Key dates', 'Budget and value delivered', …]
 */
import { engineeringReport } from './engineering-report.ts';
import { executiveReport } from './executive-report.ts';
import { pmReport } from './pm-report.ts';
import { reportHealth } from './report-health.ts';
import type { StatusReport } from './report-model.ts';
import type { ReportAudience, StatusSnapshot } from './status-snapshot.ts';

export function buildStatusReport(snapshot: StatusSnapshot, audience: ReportAudience): StatusReport {
  const health = reportHealth(snapshot);
  switch (audience) {
    case 'executive':
      return executiveReport(snapshot, health);
    case 'pm':
      return pmReport(snapshot, health);
    case 'engineering':
      return engineeringReport(snapshot, health);
  }
}
