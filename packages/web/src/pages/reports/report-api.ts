// Status reports over HTTP: the HTML for the preview, and downloads of any format.
import { downloadFile, fetchFile } from '../../api/download.ts';

export type Audience = 'executive' | 'pm' | 'engineering';
export type ReportFormat = 'html' | 'md' | 'pdf';

export function reportUrl(
  projectId: string,
  audience: Audience,
  format: ReportFormat,
  statusDate: string,
): string {
  const query = new URLSearchParams({ format, ...(statusDate ? { statusDate } : {}) });
  return `/api/projects/${encodeURIComponent(projectId)}/reports/${audience}?${query.toString()}`;
}

export const fetchReport = fetchFile;

/** Saves the report under the name the server gives it. */
export async function downloadReport(url: string): Promise<void> {
  await downloadFile(url, 'report');
}
