import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createOpenEscrowClient } from '../lib/client';
import { config as escrowConfig } from '../lib/testing/fixtures';
import { seedWallet } from './app';
import { protocolFeeRecipient, readyAccount, tokenBalance, usdc, usdcUnits } from './chain';
import { deployEscrow, lookalikeWasm, uploadWasm } from './contracts';
import { E2E } from './env';

const run = promisify(execFile);

test('23. a platform gets a key in the browser, then its server drives a single-release lifecycle with the typed client', async ({
  page,
}) => {
  const token = await usdc();
  const [platform, funder, provider, approver, signer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '25' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);

  // The key, as a person gets it: the dev wallet signs in at /settings/api-keys; the page shows it once.
  await seedWallet(page, { Platform: platform }, 'Platform');
  await page.goto('/settings/api-keys');
  await page.getByRole('button', { name: 'Sign in with your wallet' }).click();
  await expect(page.getByTestId('signed-in-address')).toHaveText(platform.publicKey());
  await page.getByLabel('Name').fill('lifecycle server');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-api-key').textContent())!.trim();
  expect(key).toMatch(/^oek_/);

  // The reference page the key's owner reads next: served by us, offline, accessible.
  await page.getByRole('link', { name: 'the reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Platform API reference' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /POST \/escrows\/\{id\}\/fund/ })).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // The server side: the README's example script, run as a platform would run it.
  // This Node (24), with tsx's loader, not whatever `node` the PATH holds.
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/api-lifecycle.ts'], {
    env: {
      ...process.env,
      OPENESCROW_URL: E2E.appUrl,
      OPENESCROW_KEY: key,
      TOKEN: token.contractId,
      PLATFORM_SECRET: platform.secret(),
      FUNDER_SECRET: funder.secret(),
      PROVIDER_SECRET: provider.secret(),
      APPROVER_SECRET: approver.secret(),
      SIGNER_SECRET: signer.secret(),
      RECEIVER: receiver.publicKey(),
    },
    timeout: 150_000,
  });
  for (const step of ['create', 'fund', 'status', 'approve', 'release'])
    expect(stdout).toMatch(new RegExp(`^${step}: `, 'm'));
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { escrow_id: string };
  const id = result.escrow_id;
  expect(result).toMatchObject({
    balance: { id, token: token.contractId, balance: '0' },
    listed: { id, status: 'released', roles: ['receiver'] },
  });

  // The chain agrees: the receiver got 25 USDC less the 2% platform fee and the protocol's fee.
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBeGreaterThan(usdcUnits('24'));

  // And the client itself, from this test: the read model and the escrow's events.
  const api = createOpenEscrowClient({ baseUrl: E2E.appUrl, apiKey: key });
  const list = await api.GET('/escrows', { params: { query: { address: platform.publicKey(), role: 'platform' } } });
  expect(list.data?.data.map((e) => e.id)).toContain(id);
  const events = await api.GET('/escrows/{id}/events', { params: { path: { id } } });
  expect(events.data?.data.map((e) => e.action)).toEqual(['created', 'funded', 'status', 'approved', 'released']);
  const escrow = await api.GET('/escrows/{id}', { params: { path: { id } } });
  expect(escrow.data?.state.released).toBe(true);
  // Per-id answers: a look-alike (the same code under another hash) and an unknown contract get
  // their own errors; the escrow still answers.
  const lookalike = escrowConfig({ token: token.contractId, title: 'Look-alike' });
  const fake = await deployEscrow(platform, await uploadWasm(platform, lookalikeWasm()), {
    ...lookalike,
    roles: { ...lookalike.roles, platform: platform.publicKey() },
    protocolFee: { recipient: protocolFeeRecipient(), bps: 30 },
  });
  const unknown = 'CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSC4';
  const balances = await api.GET('/balances', { params: { query: { ids: `${id},${fake},${unknown}` } } });
  expect(balances.data?.data).toEqual([
    { id, token: token.contractId, balance: '0', decimals: 7 },
    { id: fake, error: { code: 'not-openescrow', message: expect.any(String) } },
    { id: unknown, error: { code: expect.any(String), message: expect.any(String) } },
  ]);
  expect((await api.GET('/escrows/{id}', { params: { path: { id: fake } } })).response.status).toBe(404);
  const bad = await api.GET('/balances', { params: { query: { ids: 'CNOPE' } } });
  expect(bad.response.status).toBe(400);
});
