import { E2E } from './env';
import { expect, test } from './fixtures';

const api = (path: string, key?: string, init: RequestInit = {}) =>
  fetch(`${E2E.appUrl}/api/v1${path}`, {
    ...init,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(init.headers ?? {}) },
  });

test('20. a platform signs in with the dev wallet, creates a key, uses it from Node and revokes it', async ({
  cast,
  page,
}) => {
  const { platform: owner } = await cast({ platform: {} });
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Sign in with your wallet' }).click();
  await expect(page.getByTestId('signed-in-address')).toHaveText(owner.publicKey());

  await page.getByLabel('Name').fill('marketplace server');
  await page.getByRole('checkbox', { name: 'webhooks' }).uncheck();
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();
  expect(key).toMatch(/^oek_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole('row', { name: /marketplace server/ });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText('read, prepare, submit');

  // From the server side (this test, in Node): the key reads; without it, 401 as problem+json.
  const tokens = await api('/tokens', key);
  expect(tokens.status).toBe(200);
  expect(tokens.headers.get('ratelimit-policy')).toMatch(/q=\d+;w=60/);
  expect(((await tokens.json()) as { data: { code: string }[] }).data.map((t) => t.code)).toContain('USDC');
  const anonymous = await api('/tokens');
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  const list = await api(`/escrows?address=${owner.publicKey()}&limit=5`, key);
  expect(list.status).toBe(200);
  expect(await list.json()).toEqual({ data: [], next_cursor: null });
  const bad = await api('/escrows?address=GABC&limit=0', key);
  expect(bad.status).toBe(400);
  expect(Object.keys(((await bad.json()) as { fieldErrors: object }).fieldErrors).sort()).toEqual(['address', 'limit']);

  // A step endpoint from the registry: a contract id with nothing behind it is 404; a typo is 400.
  const nowhere = await api('/escrows/CAAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQCAIBAEAQC526/fund', key, {
    method: 'POST',
    body: JSON.stringify({ source: owner.publicKey(), input: { amount: '1', termsVersion: 0 } }),
  });
  expect(nowhere.status).toBe(404);
  expect(
    (
      await api('/escrows/CTYPO/fund', key, {
        method: 'POST',
        body: JSON.stringify({ source: owner.publicKey(), input: {} }),
      })
    ).status,
  ).toBe(400);

  // A foreign page cannot create keys with the session cookie.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'openescrow_session')!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Strict');
  const foreign = await fetch(`${E2E.appUrl}/api/v1/keys`, {
    method: 'POST',
    headers: {
      cookie: `${cookie.name}=${cookie.value}`,
      origin: 'https://evil.example',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name: 'stolen', scopes: ['read'] }),
  });
  expect(foreign.status).toBe(403);

  await row.getByRole('button', { name: 'Revoke marketplace server' }).click();
  await expect(page.getByRole('row', { name: /marketplace server/ })).toHaveCount(0);
  expect((await api('/tokens', key)).status).toBe(401);
});
