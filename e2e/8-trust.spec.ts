import type { Page } from '@playwright/test';
import { authorizeEntry, Keypair, xdr } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { config as escrowConfig } from '../lib/testing/fixtures';
import { markAndApprove, openStep, seedWallet, submitStep, useAccount } from './app';
import { protocolFeeRecipient, tokenBalance, trust, usdcUnits } from './chain';
import {
  absurdTokenWasm,
  deployContract,
  deployEscrow,
  deployEscrowTx,
  issueAsset,
  lookalikeWasm,
  payAsset,
  releasedWasmHash,
  uploadWasm,
} from './contracts';
import { E2E } from './env';
import { startReleaseAsAlice } from './journeys';
import { expect, test } from './fixtures';

/** A single-release escrow of `token` whose platform is `platform` and everyone else a stranger. */
const terms = (platform: Keypair, token: string, title: string) => {
  const c = escrowConfig({ token, title, amount: 1_000_000_000n });
  return {
    ...c,
    roles: { ...c.roles, platform: platform.publicKey() },
    protocolFee: { recipient: protocolFeeRecipient(), bps: 30 },
  };
};

/** The ledger until which a signed authorisation entry is valid. */
function expiryOf(e: xdr.SorobanAuthorizationEntry): number {
  const c = e.credentials;
  return c.type === 'sorobanCredentialsAddressV2'
    ? c.addressV2.signatureExpirationLedger
    : c.type === 'sorobanCredentialsAddress'
      ? c.address.signatureExpirationLedger
      : 0;
}

/** Rewrites the escrow id inside the next server-action request of `page`: the browser's own call, aimed at another contract. */
async function aimNextActionAt(page: Page, from: string, to: string) {
  await page.route('**/*', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !req.headers()['next-action']) return route.fallback();
    await route.continue({ postData: (req.postData() ?? '').replaceAll(from, to) });
  });
}

test('8a. a look-alike escrow (same code, another hash) is refused on its pages and by the actions', async ({
  page,
  cast,
  token,
}) => {
  const { platform } = await cast({ platform: { outside: true }, funder: { usdc: '500' } });
  const genuine = await deployEscrow(platform, releasedWasmHash(), terms(platform, token.contractId, 'Genuine'));
  const fake = await deployEscrow(
    platform,
    await uploadWasm(platform, lookalikeWasm()),
    terms(platform, token.contractId, 'Funded 50,000 USDC, you are the receiver'),
  );

  await page.goto(`/escrows/${genuine}`);
  await expect(page.getByTestId('escrow-title')).toHaveText('Genuine');

  // Its page says what it is and shows nothing the contract claims.
  for (const path of ['', '/fund', '/release']) {
    await page.goto(`/escrows/${fake}${path}`);
    const refusal = page.getByTestId('load-error');
    await expect(refusal).toHaveAttribute('data-code', 'not-openescrow');
    await expect(refusal.getByRole('heading')).toHaveText(
      'This contract is not an OpenEscrow escrow — do not send it funds',
    );
    await expect(page.getByText('Funded 50,000 USDC')).toHaveCount(0);
  }

  // The fund action itself, called for the look-alike, refuses with the stable code.
  await page.goto(`/escrows/${genuine}/fund`);
  await page.getByLabel('Amount (USDC)').fill('10');
  await aimNextActionAt(page, genuine, fake);
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveAttribute('data-code', 'not-openescrow');
  await expect(page.getByTestId('step-error')).toHaveText(
    'This contract is not an OpenEscrow escrow — do not send it funds.',
  );
});

test('8b. a token the network does not know is labelled unverified, with its issuer, on the page and in the fund summary', async ({
  page,
  cast,
}) => {
  const { platform, issuer, funder } = await cast({
    platform: { outside: true },
    issuer: { trustline: false, outside: true },
    funder: { trustline: false },
  });
  const fakeUsdc = await issueAsset(issuer, 'USDC');
  await trust(funder, fakeUsdc);
  await payAsset(issuer, funder.publicKey(), 'USDC', '100');
  const id = await deployEscrow(
    platform,
    releasedWasmHash(),
    terms(platform, fakeUsdc.contractId, 'Paid in someone’s USDC'),
  );

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
  await expect(summary).toContainText(
    'Send 10 USDC (unverified) from your account into the escrow, under the terms shown (version 1).',
  );
});

test('8c. a forged confirmation link shows no banner; a real one of another escrow neither', async ({
  page,
  cast,
  token,
}) => {
  const { platform } = await cast({ platform: { outside: true } });
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

test('8d. the browser never gets the RPC URL or its key; pages carry the security headers', async ({
  page,
  cast,
  token,
}) => {
  // Seeded later, once the page listens for CSP violations.
  const { platform } = await cast({ platform: { outside: true } });
  const id = await deployEscrow(platform, releasedWasmHash(), terms(platform, token.contractId, 'No secrets'));
  for (const path of [
    '/',
    '/escrows/new',
    `/escrows/${id}`,
    `/escrows/${id}/fund`,
    `/escrows/${Keypair.random().publicKey()}`,
  ]) {
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

test('8e. a pending release refuses a junk or a foreign signature, and the valid ones stay', async ({
  page,
  cast,
  token,
  devBrowser,
}) => {
  const { platform, provider, approver, alice, lawyer, receiver } = await cast({
    platform: { outside: true },
    funder: { usdc: '20' },
    provider: {},
    approver: {},
    alice: {},
    lawyer: { outside: true },
    receiver: { outside: true },
  });
  const c = terms(platform, token.contractId, 'Two signers, two browsers');
  const id = await deployEscrow(platform, releasedWasmHash(), {
    ...c,
    amount: 200_000_000n,
    milestones: [{ description: 'Delivered', amount: 0n, receiver: null }],
    roles: {
      ...c.roles,
      approvers: [approver.publicKey()],
      serviceProvider: provider.publicKey(),
      releaseSigners: [alice.publicKey(), lawyer.publicKey()],
      releasesRequired: 2,
      receiver: receiver.publicKey(),
    },
  });
  await openStep(page, id, 'Fund');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await markAndApprove(page, id);
  await startReleaseAsAlice(page, id, alice);

  // The lawyer's browser; what it sends is tampered with on the way, twice.
  const lawyerPage = await devBrowser({ Lawyer: lawyer });
  const stranger = Keypair.random();
  const tampering: ((signed: xdr.SorobanAuthorizationEntry) => Promise<string>)[] = [
    // Junk where the signature should be.
    async () => Buffer.from('junk, not a signature').toString('base64'),
    // The lawyer's entry, signed by somebody else's key.
    (signed) =>
      authorizeEntry(
        signed,
        async (_pre, payload) => ({ signature: stranger.sign(Buffer.from(payload)), publicKey: stranger.publicKey() }),
        expiryOf(signed),
        E2E.passphrase,
        lawyer.publicKey(),
      ).then((e) => e.toXdr('base64')),
  ];
  await lawyerPage.route('**/*', async (route) => {
    const req = route.request();
    const tamper =
      req.method() === 'POST' && req.headers()['next-action'] && req.postData()?.includes('"signed"')
        ? tampering.shift()
        : undefined;
    if (!tamper) return route.fallback();
    const [arg] = JSON.parse(req.postData()!) as [{ id: string; signed: string }];
    const forged = await tamper(xdr.SorobanAuthorizationEntry.fromXdr(arg.signed, 'base64'));
    await route.continue({ postData: JSON.stringify([{ ...arg, signed: forged }]) });
  });
  await lawyerPage.goto(page.url());
  const sign = lawyerPage.getByRole('button', { name: 'Sign my authorisation' });
  await sign.click();
  await expect(lawyerPage.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await sign.click();
  await expect(
    lawyerPage.getByRole('alert').filter({ hasText: 'made with another key than this account’s' }),
  ).toBeVisible();
  // Nothing was stored for the lawyer, and Alice's signature is still there.
  await lawyerPage.reload();
  await expect(lawyerPage.getByTestId('pending-signers')).toContainText(`${lawyer.publicKey()}waiting`);
  await expect(lawyerPage.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);
  // The real signature goes through and the release is submitted.
  await lawyerPage.getByRole('button', { name: 'Sign my authorisation' }).click();
  await submitStep(lawyerPage, 'Submit the release', 'Released');
  await lawyerPage.context().close();
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('20') - (usdcUnits('20') * 330n) / 10_000n,
  );
});

test('8f. a token with absurd metadata (decimals = 1,000,000) is refused at once, on the page and in the create form', async ({
  page,
  cast,
}) => {
  // Seeded after the page's timing is measured.
  const { platform } = await cast({ platform: { outside: true } });
  const absurd = await deployContract(platform, await uploadWasm(platform, absurdTokenWasm(1_000_000)));
  const id = await deployEscrow(platform, releasedWasmHash(), terms(platform, absurd, 'Priced in a million decimals'));
  const started = Date.now();
  await page.goto(`/escrows/${id}`);
  await expect(page.getByTestId('load-error')).toHaveAttribute('data-code', 'token-unusable');
  await expect(page.getByTestId('load-error')).toContainText(
    `The token ${absurd} cannot be used: its decimals (1000000) are not a whole number from 0 to 38`,
  );
  // Before the bound, formatting such an amount took seconds per request (100,000 digits: 12 s).
  expect(Date.now() - started).toBeLessThan(5_000);

  await seedWallet(page, { Platform: platform }, 'Platform');
  await page.goto('/escrows/new');
  await page.getByLabel('Title', { exact: true }).fill('Absurd');
  await page.getByLabel('Engagement ID').fill('E2E-absurd');
  await page.getByLabel('Token').selectOption('custom');
  await page.getByLabel('Custom token').fill(absurd);
  await page.getByLabel('Amount (tokens)').fill('1');
  await page.getByLabel('Milestone 1 description').fill('One');
  const someone = Keypair.random().publicKey();
  await page.getByRole('button', { name: 'Use my address for Platform' }).click();
  for (const label of ['Service provider', 'Receiver', 'Dispute resolver', 'Approver 1', 'Release signer 1'])
    await page.getByLabel(label, { exact: true }).fill(someone);
  await page.getByRole('button', { name: 'Create the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveAttribute('data-code', 'token-unusable');
});

test('8g. a far-future deadline and bidi controls in on-chain text: the pages open and show them for what they are', async ({
  page,
  cast,
  token,
}) => {
  const { platform } = await cast({ platform: { outside: true } });
  const id = await deployEscrow(platform, releasedWasmHash(), {
    ...terms(platform, token.contractId, 'Invoice \u202Efdp.exe'),
    deadline: 2n ** 64n - 1n,
  });
  await page.goto(`/escrows/${id}`);
  await expect(page.getByTestId('escrow-title')).toHaveText('Invoice ⟨U+202E⟩fdp.exe');
  await expect(page.getByTestId('escrow-title').locator('bdi')).toHaveCount(1);
  await expect(page.getByText('deadline far future')).toBeVisible();
  for (const path of ['/fund', '/refund']) {
    await page.goto(`/escrows/${id}${path}`);
    await expect(page.getByText('far future').first()).toBeVisible();
  }
});
