import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel, type ReadModel } from '../db/client';
import { setApiDatabase } from './db';
import { postEscrow } from './endpoints/create';
import { createKey } from './keys';
import { apiRoute } from './route';

const OWNER = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
let rm: ReadModel;
let key = '';
const route = apiRoute('prepare', postEscrow);
const post = (body: unknown, k = key) =>
  route(
    new Request('http://127.0.0.1/api/v1/escrows', {
      method: 'POST',
      headers: { authorization: `Bearer ${k}` },
      body: JSON.stringify(body),
    }),
  );

beforeAll(async () => {
  rm = await openReadModel({ url: '', dataDir: 'memory://' });
  setApiDatabase(rm.db);
  key = (await createKey(rm.db, OWNER, { name: 'create', scopes: ['prepare'] }))!.key;
});
afterAll(async () => {
  setApiDatabase(null);
  await rm.close();
});

// The whole create → release over HTTP runs on localnet in e2e/23-api-lifecycle.spec.ts.
describe('POST /escrows', () => {
  it('refuses a body without a source, or a source that is not an account, before reading the chain', async () => {
    const missing = await post({ input: {} });
    expect(missing.status).toBe(400);
    expect((await missing.json()).code).toBe('invalid-input');
    const contract = await post({ source: 'CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSC4', input: {} });
    expect(contract.status).toBe(400);
    const problem = await contract.json();
    expect(problem.code).toBe('invalid-input');
    expect(problem.fieldErrors.source).toBeDefined();
  });

  it('needs the prepare scope', async () => {
    const reader = (await createKey(rm.db, OWNER, { name: 'reader', scopes: ['read'] }))!.key;
    expect((await post({ source: OWNER, input: {} }, reader)).status).toBe(403);
  });
});
