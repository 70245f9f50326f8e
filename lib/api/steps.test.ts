import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel, type ReadModel } from '../db/client';
import { STEPS } from '../steps/registry';
import { setApiDatabase } from './db';
import { postStep, stepRoutes } from './endpoints/steps';
import { createKey } from './keys';
import { apiRoute } from './route';

const OWNER = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
let rm: ReadModel;
let key = '';
const route = apiRoute<{ id: string; step: string; index?: string }>('prepare', postStep);
const call = (params: { id: string; step: string; index?: string }, body: unknown, k = key) =>
  route(
    new Request('http://127.0.0.1/api/v1/x', {
      method: 'POST',
      headers: { authorization: `Bearer ${k}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

beforeAll(async () => {
  rm = await openReadModel({ url: '', dataDir: 'memory://' });
  setApiDatabase(rm.db);
  key = (await createKey(rm.db, OWNER, { name: 'steps', scopes: ['prepare'] }))!.key;
});
afterAll(async () => {
  setApiDatabase(null);
  await rm.close();
});

describe('step endpoints', () => {
  it('gives every step of the registry exactly one endpoint', () => {
    const routes = stepRoutes();
    expect(routes.map((r) => r.def.name).sort()).toEqual(STEPS.map((s) => s.name).sort());
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(STEPS.length);
    expect(routes.find((r) => r.method === 'put')?.path).toBe('/escrows/{id}');
  });

  it('answers 404 for a step that does not exist (or not for a milestone), 400 for a bad escrow id or milestone', async () => {
    const unknown = await call({ id: 'C', step: 'explode' }, { source: OWNER, input: {} });
    expect(unknown.status).toBe(404);
    expect((await call({ id: 'C', step: 'approve' }, { source: OWNER, input: {} })).status).toBe(404);
    const badId = await call({ id: 'CNOTANESCROW', step: 'fund' }, { source: OWNER, input: {} });
    expect(badId.status).toBe(400);
    expect((await badId.json()).code).toBe('bad-escrow-id');
    expect((await call({ id: 'C', step: 'approve', index: '-1' }, { source: OWNER, input: {} })).status).toBe(400);
    expect((await call({ id: 'C', step: 'fund' }, { input: {} })).status).toBe(400);
  });

  it('refuses a key without the prepare scope', async () => {
    const reader = (await createKey(rm.db, OWNER, { name: 'reader', scopes: ['read'] }))!.key;
    expect((await call({ id: 'C', step: 'fund' }, { source: OWNER, input: {} }, reader)).status).toBe(403);
  });
});
