import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadModel, type ReadModel } from '../db/client';
import { setApiDatabase } from './db';
import { getBalances } from './endpoints/reads';
import { createKey } from './keys';
import { apiRoute } from './route';
import { MAX_BALANCE_IDS } from './schemas';

const OWNER = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
const ID = 'CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSC4';
let rm: ReadModel;
let key = '';
const route = apiRoute('read', getBalances);
const get = (query: string) =>
  route(new Request(`http://127.0.0.1/api/v1/balances${query}`, { headers: { authorization: `Bearer ${key}` } }));

beforeAll(async () => {
  rm = await openReadModel({ url: '', dataDir: 'memory://' });
  setApiDatabase(rm.db);
  key = (await createKey(rm.db, OWNER, { name: 'balances', scopes: ['read'] }))!.key;
});
afterAll(async () => {
  setApiDatabase(null);
  await rm.close();
});

// Live balances are read from localnet in e2e/23-api-lifecycle.spec.ts; here, the bounds.
describe('GET /balances', () => {
  it('refuses a missing, empty, malformed or too long list of ids with field errors', async () => {
    for (const query of [
      '',
      '?ids=',
      '?ids=,',
      `?ids=${ID},CNOTACONTRACT`,
      `?ids=${Array(MAX_BALANCE_IDS + 1)
        .fill(ID)
        .join(',')}`,
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(body.code).toBe('invalid-input');
      expect(Object.keys(body.fieldErrors ?? {}).some((k) => k.startsWith('ids'))).toBe(true);
    }
  });
});
