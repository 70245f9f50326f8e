/**
 * Every API error is `application/problem+json` (RFC 9457) carrying the app's stable `code`
 * (the same codes the dApp's actions return) and, for bad input, the field errors. The HTTP
 * status follows from the code, so bad input is always a 4xx and only the server's own failure
 * is a 5xx.
 */
import type { AppError } from '../stellar/errors';

/** The HTTP status of an app error code; codes not listed are refusals of a valid request (422). */
export const STATUS: Record<string, number> = {
  'bad-request': 400,
  'invalid-input': 400,
  'bad-escrow-id': 400,
  'bad-address': 400,
  'bad-amount': 400,
  'bad-token': 400,
  'bad-milestone': 400,
  'bad-xdr': 400,
  'bad-json': 400,
  'no-wallet': 400,
  unauthorized: 401,
  'missing-scope': 403,
  'foreign-origin': 403,
  'too-many-keys': 409,
  'too-many-webhooks': 409,
  'sign-in-refused': 401,
  'not-found': 404,
  'not-openescrow': 404,
  'idempotency-conflict': 422,
  'idempotency-in-progress': 409,
  'payload-too-large': 413,
  'rate-limited': 429,
  unexpected: 500,
  'rpc-unreachable': 502,
  busy: 503,
  timeout: 504,
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 422;
}

/** The problem document of an app error. */
export function problemBody(error: AppError, status = statusOf(error.code)) {
  return {
    type: `about:blank`,
    title: error.message,
    status,
    code: error.code,
    detail: error.message,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
  };
}

/** A problem+json response for an app error. */
export function problem(error: AppError, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const status = init.status ?? statusOf(error.code);
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/problem+json');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(problemBody(error, status)), { status, headers });
}

/** A JSON response; bigints are sent as decimal strings. */
export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  headers.set('cache-control', 'no-store');
  return new Response(toJson(data), { status: init.status ?? 200, headers });
}

/** JSON text with bigints as decimal strings (amounts are base units). */
export function toJson(data: unknown): string {
  return JSON.stringify(data, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}
