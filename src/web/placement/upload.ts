import { API_BASE, ApiError, NetworkError, type Problem } from '../api';

/**
 * multipart/form-data upload of one file (field `file`). The JSON wrapper in api.ts cannot send
 * files, so this sends the same CSRF header itself and maps errors to the same ApiError.
 */
export async function uploadFile<T>(path: string, file: File, csrfToken: string): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'X-CSRF-Token': csrfToken },
    });
  } catch (err) {
    throw new NetworkError(err);
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const p = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
    throw new ApiError(res.status, { type: p.type ?? 'about:blank', title: p.title ?? res.statusText, status: res.status, code: p.code ?? (res.status === 413 ? 'validation_failed' : 'internal'), ...p } as Problem);
  }
  return data as T;
}
