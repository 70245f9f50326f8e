/**
 * Idempotency-Key on POST (draft-ietf-httpapi-idempotency-key-header): the first request with a
 * key runs and its response is stored; the same key with the same request replays that response
 * for 24 hours; with another request it is refused (422), and while the first still runs (409).
 * Server failures (5xx) are not stored, so the client may retry them.
 */
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { idempotencyRecords } from '../db/schema';
import { sha256Hex } from './hash';
import { problem } from './problem';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** Runs `run` at most once per (API key, Idempotency-Key) and replays its response. */
export async function withIdempotency(
  db: Database,
  keyId: string,
  idempotencyKey: string | null,
  request: { method: string; path: string; body: string },
  run: () => Promise<Response>,
): Promise<Response> {
  if (idempotencyKey === null) return run();
  if (!KEY_SHAPE.test(idempotencyKey))
    return problem({ code: 'bad-request', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' });
  const requestHash = sha256Hex(`${request.method}\n${request.path}\n${request.body}`);
  const where = and(eq(idempotencyRecords.keyId, keyId), eq(idempotencyRecords.idempotencyKey, idempotencyKey));
  await db
    .delete(idempotencyRecords)
    .where(and(where, lt(idempotencyRecords.createdAt, new Date(Date.now() - IDEMPOTENCY_TTL_MS))));
  const claimed = await db
    .insert(idempotencyRecords)
    .values({ keyId, idempotencyKey, requestHash, createdAt: new Date() })
    .onConflictDoNothing()
    .returning({ keyId: idempotencyRecords.keyId });
  if (claimed.length === 0) {
    const [stored] = await db.select().from(idempotencyRecords).where(where);
    if (!stored)
      return problem({
        code: 'idempotency-in-progress',
        message: 'A request with this Idempotency-Key is being processed; retry in a moment',
      });
    if (stored.requestHash !== requestHash)
      return problem({
        code: 'idempotency-conflict',
        message: 'This Idempotency-Key was used with another request; use a new key for a new request',
      });
    if (stored.status === null)
      return problem({
        code: 'idempotency-in-progress',
        message: 'A request with this Idempotency-Key is being processed; retry in a moment',
      });
    return new Response(JSON.stringify(stored.body), {
      status: stored.status,
      headers: {
        'content-type': stored.status >= 400 ? 'application/problem+json' : 'application/json',
        'cache-control': 'no-store',
        'idempotent-replayed': 'true',
      },
    });
  }
  let response: Response;
  try {
    response = await run();
  } catch (e) {
    await db.delete(idempotencyRecords).where(where);
    throw e;
  }
  if (response.status >= 500) {
    await db.delete(idempotencyRecords).where(where);
    return response;
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  await db.update(idempotencyRecords).set({ status: response.status, body }).where(where);
  return new Response(text, { status: response.status, headers: response.headers });
}
