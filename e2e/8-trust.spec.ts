import { expect, test, type Page } from '@playwright/test';
import { Keypair } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { config as escrowConfig } from '../lib/escrow/fixtures';
import { seedWallet, useAccount } from './app';
import { friendbot, protocolFeeRecipient, readyAccount, trust, usdc } from './chain';
import { deployEscrow, deployEscrowTx, issueAsset, lookalikeWasm, payAsset, releasedWasmHash, uploadWasm } from './contracts';
import { E2E } from './env';

/** A single-release escrow of `token` whose platform is `platform` and everyone else a stranger. */
const terms = (platform: Keypair, token: string, title: string) => {
  const c = escrowConfig({ token, title, amount: 1_000_000_000n });
  return { ...c, roles: { ...c.roles, platform: platform.publicKey() }, protocolFee: { recipient: protocolFeeRecipient(), bps: 30 } };
};

/** Rewrites the escrow id inside the next server-action request of `page`: the browser's own call, aimed at another contract. */
async function aimNextActionAt(page: Page, from: string, to: string) {
  await page.route('**/*', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !req.headers()['next-action']) return route.fallback();
    await route.continue({ postData: (req.postData() ?? '').replaceAll(from, to) });
  });
}

test('8a. a look-alike escrow (same code, another hash) is refused on its pages and by the actions', async ({ page }) => {
  const token = await usdc();
  const [platform, funder] = await Promise.all([readyAccount(), readyAccount({ usdc: '500' })]);
  const genuine = await deployEscrow(platform, releasedWasmHash(), terms(platform, token.contractId, 'Genuine'));
  const fake = await deployEscrow(platform, await uploadWasm(platform, lookalikeWasm()), terms(platform, token.contractId, 'Funded 50,000 USDC, you are the receiver'));

  await seedWallet(page, { Funder: funder }, 'Funder');
  await page.goto(`/escrows/${genuine}`);
  await expect(page.getByTestId('escrow-title')).toHaveText('Genuine');

  // Its page says what it is and shows nothing the contract claims.
  for (const path of ['', '/fund', '/release']) {
    await page.goto(`/escrows/${fake}${path}`);
    const refusal = page.getByTestId('load-error');
    await expect(refusal).toHaveAttribute('data-code', 'not-openescrow');
    await expect(refusal.getByRole('heading')).toHaveText('This contract is not an OpenEscrow escrow — do not send it funds');
    await expect(page.getByText('Funded 50,000 USDC')).toHaveCount(0);
  }

  // The fund action itself, called for the look-alike, refuses with the stable code.
  await page.goto(`/escrows/${genuine}/fund`);
  await page.getByLabel('Amount (USDC)').fill('10');
  await aimNextActionAt(page, genuine, fake);
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveAttribute('data-code', 'not-openescrow');
  await expect(page.getByTestId('step-error')).toHaveText('This contract is not an OpenEscrow escrow — do not send it funds.');
});

test('8b. a token the network does not know is labelled unverified, with its issuer, on the page and in the fund summary', async ({ page }) => {
  const [platform, issuer, funder] = await Promise.all([readyAccount(), Keypair.random(), Keypair.random()]);
  await Promise.all([friendbot(issuer.publicKey()), friendbot(funder.publicKey())]);
  const fakeUsdc = await issueAsset(issuer, 'USDC');
  await trust(funder, fakeUsdc);
  await payAsset(issuer, funder.publicKey(), 'USDC', '100');
  const id = await deployEscrow(platform, releasedWasmHash(), terms(platform, fakeUsdc.contractId, 'Paid in someone’s USDC'));

  await seedWallet(page, { Funder: funder }, 'Funder');
  await page.goto(`/escrows/${id}`);
  const identity = page.getByTestId('token-identity');
  await expect(identity).toHaveAttribute('data-unverified', 'true');
  await expect(identity).toContainText(`unverified token: USDC issued by ${issuer.publicKey()}`);
  await expect(page.getByTestId('amount-total')).toHaveText('100 USDC (unverified)');

  // The summary of what the wallet is asked to sign names the token by its issuer too.
  await page.goto(`/escrows/${id}/fund`);
  await page.getByTestId('wallet-button').click();
  await page.getByRole('checkbox', { name: 'Ask before signing' }).check();
  await page.keyboard.press('Escape');
  await page.getByLabel('Amount (USDC (unverified))').fill('10');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveText('The wallet did not sign: you rejected the request');
  const summary = page.getByTestId('step-summary');
  await expect(summary).toContainText(`Token: unverified token: USDC issued by ${issuer.publicKey()}`);
  await expect(summary).toContainText('Send 10 USDC (unverified) from your account into the escrow, under the terms shown (version 1).');
});

test('8c. a forged confirmation link shows no banner; a real one of another escrow neither', async ({ page }) => {
  const token = await usdc();
  const platform = await readyAccount();
  const id = await deployEscrow(platform, releasedWasmHash(), terms(platform, token.contractId, 'Receipt check'));
  await page.goto(`/escrows/${id}?done=fund&tx=${randomBytes(32).toString('hex')}`);
  await expect(page.getByTestId('escrow-title')).toHaveText('Receipt check');
  await expect(page.getByTestId('confirmed-banner')).toHaveCount(0);
  // Another escrow's real creation transaction is no proof for this one…
  const other = await deployEscrowTx(platform, releasedWasmHash(), terms(platform, token.contractId, 'Other'));
  await page.goto(`/escrows/${id}?done=create&tx=${other.txHash}`);
  await expect(page.getByTestId('escrow-title')).toHaveText('Receipt check');
  await expect(page.getByTestId('confirmed-banner')).toHaveCount(0);
  // …but it is for that one, named by what the chain recorded (creation), not by the link.
  await page.goto(`/escrows/${other.id}?done=fund&tx=${other.txHash}`);
  await expect(page.getByTestId('confirmed-banner')).toContainText('Escrow created');
});

test('8d. the browser never gets the RPC URL or its key; pages carry the security headers', async ({ page }) => {
  const token = await usdc();
  const platform = await readyAccount();
  const id = await deployEscrow(platform, releasedWasmHash(), terms(platform, token.contractId, 'No secrets'));
  for (const path of ['/', '/escrows/new', `/escrows/${id}`, `/escrows/${id}/fund`, `/escrows/${Keypair.random().publicKey()}`]) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const res = await page.request.get(path, { headers });
      const body = await res.text();
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(E2E.rpcSecret);
      expect(body).not.toContain('/rpc');
      expect(res.headers()['x-powered-by']).toBeUndefined();
      expect(res.headers()['x-frame-options']).toBe('DENY');
      expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  }
  // And the app works under its CSP: no violation while a page hydrates and the wallet menu opens.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await seedWallet(page, { Platform: platform }, 'Platform');
  await page.goto(`/escrows/${id}`);
  await useAccount(page, 'Platform');
  await expect(page.getByTestId('action-panel').getByRole('link', { name: 'Edit escrow' })).toBeVisible();
  expect(violations).toEqual([]);
});
