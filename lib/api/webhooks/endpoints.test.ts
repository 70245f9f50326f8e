import { describe, expect, it, vi } from 'vitest';
import { type ReadModel } from '@/lib/db/client';
import { sampleAccount, sampleContract } from '@/lib/db/sample';
import { createKey } from '../keys';
import { apiRoute } from '../route';
import { keyHandlers, WEBHOOKS_SCOPE } from './endpoints';
import { MAX_SUBSCRIPTIONS_PER_KEY } from './subscriptions';
import { withApiTestDatabase } from '../test-database';

const list = apiRoute(WEBHOOKS_SCOPE, keyHandlers.list);
const create = apiRoute(WEBHOOKS_SCOPE, keyHandlers.create);
const remove = apiRoute<{ id: string }>(WEBHOOKS_SCOPE, keyHandlers.remove);
const deliveries = apiRoute<{ id: string }>(WEBHOOKS_SCOPE, keyHandlers.deliveries);
const resend = apiRoute<{ id: string; delivery: string }>(WEBHOOKS_SCOPE, keyHandlers.resend);

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let rm: ReadModel;
const req = (key: string | null, method: string, body?: unknown, path = '/api/v1/webhooks') =>
  new Request(`http://127.0.0.1${path}`, {
    method,
    headers: key ? { authorization: `Bearer ${key}` } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

withApiTestDatabase((opened) => (rm = opened));

describe('webhook endpoints', () => {
  it('need a key with the webhooks scope', async () => {
    expect((await list(req(null, 'GET'))).status).toBe(401);
    const readOnly = (await createKey(rm.db, sampleAccount(1), { name: 'r', scopes: ['read'] }))!;
    const res = await list(req(readOnly.key, 'GET'));
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('missing-scope');
  });

  it('create (secret shown once), list, refuse bad input with field errors, delete; one key sees only its own', async () => {
    const a = (await createKey(rm.db, sampleAccount(2), { name: 'a', scopes: ['webhooks'] }))!;
    const b = (await createKey(rm.db, sampleAccount(3), { name: 'b', scopes: ['webhooks'] }))!;

    const bad = await create(
      req(a.key, 'POST', { url: 'https://169.254.169.254/', event_types: ['escrow.nope'], escrow_ids: ['C1'] }),
    );
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.code).toBe('invalid-input');
    expect(Object.keys(problem.fieldErrors).sort()).toEqual(['escrow_ids.0', 'event_types.0', 'url']);
    expect(problem.fieldErrors.url[0]).toMatch(/private or link-local/);

    const made = await create(
      req(a.key, 'POST', { url: 'http://127.0.0.1:4999/hook', escrow_ids: [sampleContract(1)] }),
    );
    expect(made.status).toBe(200);
    const sub = await made.json();
    expect(sub).toMatchObject({
      url: 'http://127.0.0.1:4999/hook',
      escrow_ids: [sampleContract(1)],
      key_id: a.info.id,
    });
    expect(sub.event_types).toHaveLength(10);
    expect(sub.secret).toMatch(/^whsec_/);

    const listed = await (await list(req(a.key, 'GET'))).json();
    const { secret: _secret, ...shown } = sub;
    expect(listed.data).toEqual([shown]);
    expect((await (await list(req(b.key, 'GET'))).json()).data).toEqual([]);

    const path = `/api/v1/webhooks/${sub.id}/deliveries`;
    expect((await deliveries(req(b.key, 'GET', undefined, path), params({ id: sub.id }))).status).toBe(404);
    expect((await (await deliveries(req(a.key, 'GET', undefined, path), params({ id: sub.id }))).json()).data).toEqual(
      [],
    );
    const badLimit = await deliveries(req(a.key, 'GET', undefined, `${path}?limit=0`), params({ id: sub.id }));
    expect(badLimit.status).toBe(400);
    expect((await resend(req(a.key, 'POST', {}), params({ id: sub.id, delivery: '0'.repeat(24) }))).status).toBe(404);

    expect((await remove(req(b.key, 'DELETE'), params({ id: sub.id }))).status).toBe(404);
    expect((await remove(req(a.key, 'DELETE'), params({ id: sub.id }))).status).toBe(200);
    // A malformed id is bad input (400), as for an escrow or pending id.
    expect((await remove(req(a.key, 'DELETE'), params({ id: 'nonsense' }))).status).toBe(400);
  });

  it('bounds the subscriptions per key', async () => {
    const k = (await createKey(rm.db, sampleAccount(4), { name: 'many', scopes: ['webhooks'] }))!;
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_KEY; i++)
      expect((await create(req(k.key, 'POST', { url: `http://127.0.0.1:4999/${i}` }))).status).toBe(200);
    const over = await create(req(k.key, 'POST', { url: 'http://127.0.0.1:4999/x' }));
    expect(over.status).toBe(409);
    expect((await over.json()).code).toBe('too-many-webhooks');
  });
});
