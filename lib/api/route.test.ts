import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ReadModel } from '../db/client';
import { fail, ok } from '../stellar/result';
import { fieldErrors } from '../steps/run';
import { createKey, listKeys, revokeKey } from './keys';
import { apiRoute } from './route';
import { withApiTestDatabase } from './test-database';

const OWNER = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
let rm: ReadModel;
let runs = 0;

const echo = apiRoute<{ id: string }>('prepare', async ({ body, params }) => {
  runs++;
  const parsed = z.object({ amount: z.string().regex(/^\d+$/, 'A whole number') }).safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  return ok({ id: params.id, amount: parsed.data.amount, run: runs });
});
const params = { params: Promise.resolve({ id: 'x' }) };

function post(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  return echo(
    new Request('http://127.0.0.1/api/v1/echo', {
      method: 'POST',
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    params,
  );
}

withApiTestDatabase((opened) => (rm = opened));

describe('apiRoute', () => {
  it('refuses a request without a key, with an unknown key and with a revoked key (401)', async () => {
    const none = await post(null, {});
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect((await none.json()).code).toBe('unauthorized');
    expect((await post(`oek_${'A'.repeat(43)}`, {})).status).toBe(401);
    const made = (await createKey(rm.db, OWNER, { name: 'gone', scopes: ['prepare'] }))!;
    expect((await post(made.key, { amount: '1' })).status).toBe(200);
    expect(await revokeKey(rm.db, OWNER, made.info.id)).toBe(true);
    expect((await post(made.key, { amount: '1' })).status).toBe(401);
    expect(await listKeys(rm.db, OWNER)).toEqual([]);
  });

  it('refuses a key without the scope (403) and accepts x-api-key', async () => {
    const reader = (await createKey(rm.db, OWNER, { name: 'reader', scopes: ['read'] }))!;
    const res = await echo(
      new Request('http://127.0.0.1/x', { method: 'POST', headers: { 'x-api-key': reader.key }, body: '{}' }),
      params,
    );
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('missing-scope');
  });

  it('answers bad input with 400 and field errors, bad JSON with 400', async () => {
    const k = (await createKey(rm.db, OWNER, { name: 'p', scopes: ['prepare'] }))!;
    const bad = await post(k.key, { amount: '1.5' });
    expect(bad.status).toBe(400);
    const doc = await bad.json();
    expect(doc).toMatchObject({ status: 400, code: 'invalid-input', fieldErrors: { amount: ['A whole number'] } });
    expect((await post(k.key, '{nope')).status).toBe(400);
  });

  it('replays the same Idempotency-Key and body, refuses it with another body', async () => {
    const k = (await createKey(rm.db, OWNER, { name: 'i', scopes: ['prepare'] }))!;
    const first = await post(k.key, { amount: '7' }, { 'idempotency-key': 'abc-1' });
    const firstBody = await first.json();
    const again = await post(k.key, { amount: '7' }, { 'idempotency-key': 'abc-1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    const other = await post(k.key, { amount: '8' }, { 'idempotency-key': 'abc-1' });
    expect(other.status).toBe(422);
    expect((await other.json()).code).toBe('idempotency-conflict');
    // Another key may use the same Idempotency-Key for its own request.
    const k2 = (await createKey(rm.db, OWNER, { name: 'i2', scopes: ['prepare'] }))!;
    expect((await (await post(k2.key, { amount: '8' }, { 'idempotency-key': 'abc-1' })).json()).amount).toBe('8');
  });

  it('limits each key in the database: 429 with Retry-After and RateLimit headers', async () => {
    process.env.OPENESCROW_API_RATE_LIMIT = '3';
    try {
      const k = (await createKey(rm.db, OWNER, { name: 'r', scopes: ['prepare'] }))!;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await post(k.key, { amount: '1' })).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const over = await post(k.key, { amount: '1' });
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(over.headers.get('ratelimit')).toMatch(/r=0;t=\d+/);
      expect(over.headers.get('ratelimit-policy')).toBe('"per-key";q=3;w=60');
      const other = (await createKey(rm.db, OWNER, { name: 'r2', scopes: ['prepare'] }))!;
      expect((await post(other.key, { amount: '1' })).status).toBe(200);
    } finally {
      delete process.env.OPENESCROW_API_RATE_LIMIT;
    }
  });

  it('bounds the keys per owner', async () => {
    const owner = 'GBRPYHIL2CI3FNQ4BXLFMNDLFJUNPU2HY3ZMFSHONUCEOASW7QC7OX2H';
    for (let i = 0; i < 20; i++)
      expect(await createKey(rm.db, owner, { name: `k${i}`, scopes: ['read'] })).not.toBeNull();
    expect(await createKey(rm.db, owner, { name: 'one more', scopes: ['read'] })).toBeNull();
  });
});
