import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypes, SCHEMA_FILE } from './generate';
import { createOpenEscrowClient } from './index';

describe('the typed client', () => {
  it('has the types a fresh generation makes (regenerate: npm run api:client)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await clientTypes());
  }, 30_000);

  it('sends the key as a bearer token to the base URL’s /api/v1', async () => {
    const seen: Request[] = [];
    const api = createOpenEscrowClient({
      baseUrl: 'http://127.0.0.1:9/',
      apiKey: 'oek_test',
      fetch: async (req) => {
        seen.push(req as Request);
        return new Response(JSON.stringify({ data: [] }), { headers: { 'content-type': 'application/json' } });
      },
    });
    const { data } = await api.GET('/tokens');
    expect(data).toEqual({ data: [] });
    expect(seen[0]!.url).toBe('http://127.0.0.1:9/api/v1/tokens');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer oek_test');
  });

  it('refuses a key that is not an OpenEscrow key', () => {
    expect(() => createOpenEscrowClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'sk_live' })).toThrow(/oek_/);
  });
});
