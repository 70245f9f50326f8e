/**
 * The endpoint matrix, part one (no chain needed): every operation of the OpenAPI document,
 * called through its real route handler, refuses a missing or revoked key (401), a key without
 * its scope (403), a key over its limit (429 with Retry-After and RateLimit headers), and bad
 * input (400 with field errors) — on PGlite and, when DATABASE_URL is set, on Postgres.
 * The chain-dependent rows (404, look-alikes, submit, idempotency) are in matrix.localnet.test.ts.
 */
import { Keypair } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '../db/client';
import { testBackends } from '../db/testing';
import { setApiDatabase } from './db';
import { createKey, revokeKey, SCOPES, type Scope } from './keys';
import { apiOperations, type ApiCall, type ApiOperation } from './testing';

const OPERATIONS = apiOperations();
const STEP_OPERATIONS = OPERATIONS.filter((op) => op.body?.properties && 'source' in op.body.properties);
const SOME_PENDING = '0123456789abcdef01234567';
const SOME_ESCROW = 'CAAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQC526';

/** A request the operation accepts as far as its shape goes (path parameters filled in). */
function wellFormed(op: ApiOperation): ApiCall {
  // Each path parameter well-formed by its pattern: an escrow id, a 24-hex id, or a milestone index.
  const pathParams: Record<string, string> = { index: '0' };
  for (const p of op.parameters.filter((q) => q.in === 'path' && q.schema.pattern))
    pathParams[p.name] = p.schema.pattern!.startsWith('^C') ? SOME_ESCROW : SOME_PENDING;
  return { pathParams, body: op.body ? {} : undefined };
}

/**
 * A request that breaks the document, and the field the answer must name: a required body
 * field left out, else a required query parameter left out, else a number over its maximum,
 * else a path parameter that breaks its pattern. Null when the operation takes no input at all.
 */
export function badInput(op: ApiOperation): { call: ApiCall; field: string } | null {
  const base = wellFormed(op);
  const requiredBody = op.body?.required?.[0];
  if (requiredBody) return { call: { ...base, body: {} }, field: requiredBody };
  const query = op.parameters.filter((p) => p.in === 'query');
  const required = query.find((p) => p.required);
  if (required) return { call: base, field: required.name };
  const bounded = query.find((p) => p.schema.maximum !== undefined);
  if (bounded)
    return { call: { ...base, query: { [bounded.name]: String(bounded.schema.maximum! + 1) } }, field: bounded.name };
  const patterned = op.parameters.find((p) => p.in === 'path' && p.schema.pattern);
  if (patterned)
    return {
      call: { ...base, pathParams: { ...base.pathParams, [patterned.name]: 'NOT-AN-ID' } },
      field: patterned.name,
    };
  return null;
}

describe.each(testBackends())('every endpoint on $name', (backend) => {
  let rm: ReadModel;
  const key = async (scopes: Scope[]) => {
    const owner = Keypair.random().publicKey();
    return { owner, ...(await createKey(rm.db, owner, { name: 'matrix', scopes }))! };
  };

  beforeAll(async () => {
    rm = await backend.open();
    setApiDatabase(rm.db);
  });
  afterAll(async () => {
    setApiDatabase(null);
    await rm?.close();
  });

  it('the document has operations, each served by a route handler and naming a scope', () => {
    expect(OPERATIONS.length).toBeGreaterThan(10);
    expect(STEP_OPERATIONS.length).toBeGreaterThan(10);
    for (const op of OPERATIONS) expect(SCOPES).toContain(op.scope);
  });

  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 401 without a key, with an unknown key and with a revoked key',
    async (_n, op) => {
      const none = await op.call(wellFormed(op));
      expect(none.status).toBe(401);
      expect(none.headers.get('content-type')).toBe('application/problem+json');
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await none.json()).toMatchObject({ status: 401, code: 'unauthorized' });
      expect((await op.call({ ...wellFormed(op), key: `oek_${'B'.repeat(43)}` })).status).toBe(401);
      const made = await key([...SCOPES]);
      expect(await revokeKey(rm.db, made.owner, made.info.id)).toBe(true);
      const revoked = await op.call({ ...wellFormed(op), key: made.key });
      expect(revoked.status).toBe(401);
      expect((await revoked.json()).detail).toMatch(/unknown or revoked/);
    },
  );

  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 403 for a key with every scope but its own',
    async (_n, op) => {
      const others = SCOPES.filter((s) => s !== op.scope);
      const res = await op.call({ ...wellFormed(op), key: (await key(others)).key });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'missing-scope', status: 403 });
    },
  );

  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 429 over the key’s limit, with Retry-After and RateLimit',
    async (_n, op) => {
      process.env.OPENESCROW_API_RATE_LIMIT = '2';
      try {
        const k = (await key([op.scope])).key;
        // Bad input costs no chain call, and a refused request is charged like any other.
        const call = { ...(badInput(op)?.call ?? wellFormed(op)), key: k };
        const first = await op.call(call);
        expect(first.headers.get('ratelimit')).toMatch(/^"per-key";r=1;t=\d+$/);
        await op.call(call);
        const over = await op.call(call);
        expect(over.status).toBe(429);
        expect(await over.json()).toMatchObject({ code: 'rate-limited', status: 429 });
        expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(over.headers.get('ratelimit')).toMatch(/^"per-key";r=0;t=\d+$/);
        expect(over.headers.get('ratelimit-policy')).toBe('"per-key";q=2;w=60');
      } finally {
        delete process.env.OPENESCROW_API_RATE_LIMIT;
      }
    },
  );

  it.each(STEP_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 400 with a field error for a source that is not an account',
    async (_n, op) => {
      for (const source of ['GNOPE', SOME_ESCROW, 42]) {
        const res = await op.call({
          ...wellFormed(op),
          body: { source, input: {} },
          key: (await key(['prepare'])).key,
        });
        expect(res.status).toBe(400);
        expect((await res.json()).fieldErrors.source).toEqual([expect.any(String)]);
      }
    },
  );

  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 400 with field errors for input that breaks the document',
    async (_n, op) => {
      const bad = badInput(op);
      if (!bad) {
        // Nothing to get wrong: the operation takes no parameters and no body.
        expect(op.parameters).toEqual([]);
        expect(op.body).toBeNull();
        return;
      }
      const res = await op.call({ ...bad.call, key: (await key([op.scope])).key });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const doc = await res.json();
      expect(doc.fieldErrors?.[bad.field], JSON.stringify(doc)).toEqual([expect.any(String)]);
    },
  );
});
