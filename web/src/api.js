// Calls to the JSON API under /api (same origin; the session is an HttpOnly cookie). Errors
// become `ApiFailure` with the server's bilingual message; a 401 sends the user to sign in.

import { errorText, t } from './i18n.js';

/** A failed API call: HTTP status, stable code and the message in the current language. */
export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const code = body && body.error ? body.error.code : String(response.status);
  return new ApiFailure(response.status, code, errorText(body, `${t('error')} ${response.status}`));
}

/** GET `path` as JSON. */
export async function get(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401 && !path.startsWith('/api/session')) {
    location.hash = '#/signin';
  }
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** POST a JSON body to `path`; answers the JSON reply. */
export async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

/** POST raw bytes (e.g. a zip) to `path`; answers the JSON reply. */
export async function postBytes(path, bytes, contentType) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': contentType, Accept: 'application/json' },
    body: bytes,
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** DELETE `path`, with a JSON body if given (e.g. the reason for an audited action). */
export async function del(path, body) {
  const response = await fetch(path, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok && response.status !== 401) throw await failure(response);
}

/** GET `path` as bytes (a download), with its suggested file name. */
export async function download(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return { blob: await response.blob(), name: match ? match[1] : 'download.bin' };
}
