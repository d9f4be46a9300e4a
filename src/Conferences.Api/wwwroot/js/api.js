// The public API as any client calls it: Kazoo envelopes in and out, the token in X-Auth-Token.
import { session } from './session.js';

/** An error answer: `message` is the envelope's message (with data.message when it says more). */
export class ApiError extends Error {
  constructor(status, envelope) {
    const named = envelope?.message || `HTTP ${status}`;
    const detail = typeof envelope?.data?.message === 'string' ? envelope.data.message : null;
    super(detail && detail !== named ? `${named}: ${detail}` : named);
    this.status = status;
    this.envelope = envelope;
    // a validation error's data is a map of dotted field paths to {rule: {message}}
    this.fields = envelope?.message === 'validation error' && envelope.data && typeof envelope.data === 'object' ? envelope.data : {};
  }
}

export async function call(method, path, data, options = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (session.token && !options.anonymous) headers['X-Auth-Token'] = session.token;
  const body = data === undefined ? undefined : JSON.stringify({ data });
  let response;
  try {
    response = await fetch(`/v2/${path}`, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { message: `the service is unreachable (${e.message})` });
  }
  let envelope = null;
  try { envelope = await response.json(); } catch { envelope = null; }
  if (!response.ok || envelope?.status === 'error') throw new ApiError(response.status, envelope);
  return envelope;
}

export const accountPath = (rest = '') => `accounts/${encodeURIComponent(session.accountId)}${rest}`;
export const conferencePath = (id, rest = '') => accountPath(`/conferences/${encodeURIComponent(id)}${rest}`);
