import { expect, test } from '@playwright/test';
import { createEscrow, markAndApprove, openStep, seedWallet, submitStep, useAccount } from './app';
import { readyAccount, tokenBalance, usdc, usdcUnits } from './chain';

test('3. a release that needs 2 of 2 signers', async ({ page }) => {
  const token = await usdc();
  const [platform, funder, provider, approver, alice, lawyer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '50' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  await seedWallet(
    page,
    { Platform: platform, Funder: funder, Provider: provider, Approver: approver, Alice: alice, Lawyer: lawyer },
    'Platform',
  );
  const id = await createEscrow(page, {
    title: 'OTC trade',
    token: token.contractId,
    amount: '50',
    milestones: [{ description: 'BTC sent' }],
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

  await useAccount(page, 'Alice');
  await openStep(page, id, 'Release funds');
  // One signer alone is refused before any wallet opens.
  await page.getByRole('checkbox', { name: new RegExp(lawyer.publicKey()) }).uncheck();
  await page.getByRole('button', { name: 'Release the funds' }).click();
  await expect(page.getByText('Choose at least 2 signers')).toBeVisible();
  // Both: Alice signs the transaction, the lawyer's key (also in this dev wallet) signs its authorisation.
  await page.getByRole('checkbox', { name: new RegExp(lawyer.publicKey()) }).check();
  await submitStep(page, 'Release the funds', 'Released');
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('50') - (usdcUnits('50') * 30n) / 10_000n,
  );
});

test('3b. the same 2-of-2 release with each signer in their own browser (pending release)', async ({
  page,
  browser,
}) => {
  const token = await usdc();
  const [platform, funder, provider, approver, alice, lawyer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '50' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  // Alice's browser holds the other parties' keys but not the lawyer's.
  await seedWallet(
    page,
    { Platform: platform, Funder: funder, Provider: provider, Approver: approver, Alice: alice },
    'Platform',
  );
  const id = await createEscrow(page, {
    title: 'OTC trade across browsers',
    token: token.contractId,
    amount: '50',
    milestones: [{ description: 'BTC sent' }],
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

  await useAccount(page, 'Alice');
  await openStep(page, id, 'Release funds');
  await page.getByRole('button', { name: 'Start and collect signatures' }).click();
  await page.waitForURL(/\/pending\/[0-9a-f]+$/);
  await page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);

  // The lawyer, in another browser with only their own key, opens the shared page.
  const lawyerContext = await browser.newContext();
  const lawyerPage = await lawyerContext.newPage();
  await seedWallet(lawyerPage, { Lawyer: lawyer }, 'Lawyer');
  await lawyerPage.goto(page.url());
  await expect(lawyerPage.getByText('Release 50 USDC from escrow')).toBeVisible();
  await lawyerPage.getByRole('button', { name: 'Sign my authorisation' }).click();
  await submitStep(lawyerPage, 'Submit the release', 'Released');
  await lawyerContext.close();
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('50') - (usdcUnits('50') * 30n) / 10_000n,
  );
});
