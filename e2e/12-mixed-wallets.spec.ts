import { expect, test } from '@playwright/test';
import { createEscrow, markAndApprove, openStep, seedWallet, submitStep, useAccount } from './app';
import { readyAccount, tokenBalance, usdc, usdcUnits } from './chain';
import { browserWith, wallet } from './wallets';
import { connectWallet } from './wallets/picker';

test('12. a 2-of-2 pending release signed with Freighter and Hana; xBull is told why it cannot sign its part', async ({
  page,
  browser,
}) => {
  const token = await usdc();
  const [platform, funder, provider, approver, alice, lawyer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '30' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  // The set-up, with the Local dev wallet.
  await seedWallet(page, { Platform: platform, Funder: funder, Provider: provider, Approver: approver }, 'Platform');
  const id = await createEscrow(page, {
    title: 'OTC with two wallets',
    token: token.contractId,
    amount: '30',
    milestones: [{ description: 'Coins sent' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [alice.publicKey(), lawyer.publicKey()],
    releasesRequired: 2,
    disputeResolver: platform.publicKey(),
    receiver: receiver.publicKey(),
    platformFee: '0',
  });
  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await markAndApprove(page, id);

  // Alice, with Freighter, starts the release and signs her authorisation entry (signAuthEntry).
  const a = await browserWith(browser, wallet('freighter'), alice);
  await connectWallet(a.page, 'Freighter', alice.publicKey());
  await openStep(a.page, id, 'Release funds');
  await a.page.getByRole('button', { name: 'Start and collect signatures' }).click();
  await a.page.waitForURL(/\/pending\/[0-9a-f]+$/);
  const pendingUrl = a.page.url();
  // Refused in Freighter's pop-up first: said so, nothing signed.
  a.double.approve = false;
  await a.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(
    a.page
      .getByRole('alert')
      .filter({ hasText: 'The wallet did not sign the authorisation: you rejected the request' }),
  ).toBeVisible();
  await expect(a.page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}waiting`);
  a.double.approve = true;
  await a.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(a.page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);
  expect(a.double.requests.map((r) => r.op)).toContain('signAuthEntry');
  expect(a.double.requests.map((r) => r.op)).not.toContain('signTransaction');

  // The lawyer first tries xBull, which signs only whole transactions: the page says so and offers no button.
  const x = await browserWith(browser, wallet('xbull'), lawyer);
  await connectWallet(x.page, 'xBull', lawyer.publicKey());
  await x.page.goto(pendingUrl);
  await expect(x.page.getByTestId('cannot-sign')).toHaveText(
    /^xBull cannot sign an authorisation entry .* such as Freighter or Hana/,
  );
  await expect(x.page.getByRole('button', { name: 'Sign my authorisation' })).toHaveCount(0);
  expect(x.double.requests.map((r) => r.op)).not.toContain('signTransaction');
  await x.context.close();

  // …then Hana, which signs the entry and, the last one, submits the release.
  const h = await browserWith(browser, wallet('hana'), lawyer);
  await connectWallet(h.page, 'Hana Wallet', lawyer.publicKey());
  await h.page.goto(pendingUrl);
  await expect(h.page.getByText('Release 30 USDC from escrow')).toBeVisible();
  h.double.approve = false;
  await h.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(
    h.page
      .getByRole('alert')
      .filter({ hasText: 'The wallet did not sign the authorisation: you rejected the request' }),
  ).toBeVisible();
  await expect(h.page.getByRole('button', { name: 'Submit the release' })).toHaveCount(0);
  h.double.approve = true;
  await h.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await submitStep(h.page, 'Submit the release', 'Released');
  expect(h.double.requests.map((r) => r.op)).toEqual(expect.arrayContaining(['signAuthEntry', 'signTransaction']));
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('30') - (usdcUnits('30') * 30n) / 10_000n,
  );
  await a.context.close();
  await h.context.close();
});
