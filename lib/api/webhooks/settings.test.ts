import { describe, expect, it, vi } from 'vitest';
import { type ReadModel } from '@/lib/db/client';
import { sampleAccount } from '@/lib/db/sample';
import { apiSessions } from '@/lib/db/schema';
import { randomToken, sha256Hex } from '../hash';
import { createKey } from '../keys';
import { SESSION_COOKIE } from '../session';
import { settingsRoute } from '../settings-route';
import { settingsHandlers } from './endpoints';
import { withApiTestDatabase } from '../test-database';

const list = settingsRoute({}, settingsHandlers.list);
const create = settingsRoute({}, settingsHandlers.create);
const remove = settingsRoute<{ id: string }>({}, settingsHandlers.remove);

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let rm: ReadModel;
const owner = sampleAccount(7);
const other = sampleAccount(8);

/** A live session of `address`, as the sign-in would store it (the SEP-10 part is session.test.ts's). */
async function session(address: string): Promise<string> {
  const token = randomToken();
  await rm.db.insert(apiSessions).values({
    hash: sha256Hex(token),
    address,
    challengeHash: sha256Hex(randomToken()),
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return token;
}

const req = (token: string | null, method: string, body?: unknown, origin = 'http://127.0.0.1') =>
  new Request('http://127.0.0.1/api/v1/webhooks/settings', {
    method,
    headers: {
      host: '127.0.0.1',
      origin,
      ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}),
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

withApiTestDatabase((opened) => (rm = opened));

describe('the settings page’s webhook routes', () => {
  it('need a session from this origin, and a key of the owner’s with the webhooks scope', async () => {
    const token = await session(owner);
    const readKey = (await createKey(rm.db, owner, { name: 'read', scopes: ['read'] }))!;
    const hookKey = (await createKey(rm.db, owner, { name: 'hooks', scopes: ['webhooks'] }))!;
    const foreignKey = (await createKey(rm.db, other, { name: 'theirs', scopes: ['webhooks'] }))!;
    const url = 'http://127.0.0.1:4999/hook';

    expect((await list(req(null, 'GET'))).status).toBe(401);
    const fromElsewhere = await create(req(token, 'POST', { key_id: hookKey.info.id, url }, 'https://evil.example'));
    expect(fromElsewhere.status).toBe(403);

    for (const keyId of [readKey.info.id, foreignKey.info.id, 'nonsense']) {
      const refused = await create(req(token, 'POST', { key_id: keyId, url }));
      expect(refused.status).toBe(400);
      expect((await refused.json()).fieldErrors.key_id[0]).toMatch(/webhooks/);
    }
    const made = await create(req(token, 'POST', { key_id: hookKey.info.id, url }));
    expect(made.status).toBe(200);
    const sub = await made.json();
    expect(sub).toMatchObject({ key_id: hookKey.info.id, url });
    expect(sub.secret).toMatch(/^whsec_/);

    const listed = await (await list(req(token, 'GET'))).json();
    expect(listed.data.map((s: { id: string }) => s.id)).toEqual([sub.id]);
    expect((await (await list(req(await session(other), 'GET'))).json()).data).toEqual([]);

    const removeReq = (t: string) => remove(req(t, 'DELETE', {}), { params: Promise.resolve({ id: sub.id }) });
    expect((await removeReq(await session(other))).status).toBe(404);
    expect((await removeReq(token)).status).toBe(200);
  });
});
