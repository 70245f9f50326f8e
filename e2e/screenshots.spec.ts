/**
 * Screenshots of the main pages for the README, into docs/screenshots/. On request:
 *   SCREENSHOTS=1 npm run test:e2e -- e2e/screenshots.spec.ts
 */
import type { Page } from '@playwright/test';
import { createEscrow, openStep, submitStep, useAccount } from './app';
import { expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });

test('screenshots of the main pages', async ({ page, browser, cast, token }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1200, height: 900 });
  // The receiver only receives: it is no account of the wallet.
  const { funder, provider, approver, resolver, receiver } = await cast({
    platform: {},
    funder: { usdc: '2000' },
    provider: {},
    approver: {},
    resolver: {},
    receiver: { outside: true },
  });
  await page.goto('/');
  await shot(page, 'home');
  await page.getByTestId('wallet-button').click();
  await page.screenshot({ path: 'docs/screenshots/wallet.png' });
  await page.keyboard.press('Escape');

  await page.goto('/escrows/new');
  await page.getByLabel('Title', { exact: true }).fill('Website redesign');
  await page.getByLabel('Amount (USDC)').fill('1200');
  await page.getByLabel('Platform fee (%)').fill('2.5');
  await shot(page, 'new-escrow');

  const id = await createEscrow(page, {
    title: 'Website redesign',
    token: token.contractId,
    amount: '1200',
    milestones: [{ description: 'Wireframes' }, { description: 'Visual design' }, { description: 'Hand-off' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [approver.publicKey()],
    disputeResolver: resolver.publicKey(),
    receiver: receiver.publicKey(),
    platformFee: '2.5',
  });
  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await shot(page, 'fund');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await useAccount(page, 'Provider');
  await openStep(page, id, 'Mark milestone 1');
  await page.getByLabel('Evidence (optional)').fill('https://example.org/wireframes.pdf');
  await submitStep(page, 'Mark milestone 1', 'Milestone marked');
  await shot(page, 'escrow');

  await openStep(page, id, 'Raise a dispute');
  await page.getByLabel('Reason').fill('The visual design was never delivered');
  await submitStep(page, 'Raise the dispute', 'Dispute raised');
  await useAccount(page, 'Resolver');
  await openStep(page, id, 'Resolve dispute');
  await page.getByLabel('Recipient 1 address', { exact: true }).fill(receiver.publicKey());
  await page.getByLabel('Recipient 1 share (USDC)').fill('400');
  await page.getByLabel('Recipient 2 address', { exact: true }).fill(funder.publicKey());
  await page.getByLabel('Recipient 2 share (USDC)').fill('800');
  await expect(page.getByTestId('share-preview-1')).toContainText('fee-free');
  await shot(page, 'resolve');

  // The resolver's dashboard: the disputed escrow waits on them.
  await page.goto('/escrows');
  await page.waitForURL(`/escrows?address=${resolver.publicKey()}`);
  await expect(page.getByTestId('needs-action-item')).toHaveCount(1);
  await shot(page, 'dashboard');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const mobile = await phone.newPage();
  await mobile.goto(new URL(`/escrows/${id}`, page.url()).href);
  await mobile.screenshot({ path: 'docs/screenshots/escrow-phone-dark.png', fullPage: true });
  await phone.close();
});
