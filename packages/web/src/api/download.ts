// Files the server sends as attachments (reports, exports): fetched with the workspace header, saved
// under the name of the answer's `Content-Disposition`.
import { ApiError, type Problem } from './errors.ts';
import { commonHeaders } from './http.ts';

/** GETs `url` (any content type); a failure rejects with the server's problem as an `ApiError`. */
export async function fetchFile(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { ...commonHeaders('GET'), Accept: '*/*' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { title: 'Network error', detail: 'Cannot reach the Tandem server.' });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Problem;
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** The file name of `Content-Disposition` (`filename*=UTF-8''…` preferred), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Downloads `url` and saves it under the server's name; resolves with that name. */
export async function downloadFile(url: string, fallbackName = 'download'): Promise<string> {
  const response = await fetchFile(url);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  return name;
}
