// Status reports over HTTP: the HTML for the preview, and downloads of any format.
import { ApiError, commonHeaders } from '../../api/index.ts';

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

export async function fetchReport(url: string): Promise<Response> {
  const response = await fetch(url, {
    headers: { ...commonHeaders('GET'), Accept: '*/*' },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as ConstructorParameters<typeof ApiError>[1];
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** Saves the report under the name the server gives it. */
export async function downloadReport(url: string): Promise<void> {
  const response = await fetchReport(url);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report';
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
