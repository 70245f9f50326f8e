import { expect, test } from '@playwright/test';
import { createEscrow, openStep, seedWallet, submitStep, useAccount } from './app';
import { protocolFeeRecipient, readyAccount, tokenBalance, usdc, usdcUnits } from './chain';

const PROTOCOL_BPS = 30n;

test('1. a single-release escrow through its whole life, every balance checked', async ({ page }) => {
  const token = await usdc();
  // The funder starts with XLM only: the page adds the trustline and gets test USDC.
  const [platform, funder, provider, approver, signer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ trustline: false }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  const feesBefore = await tokenBalance(token.contractId, protocolFeeRecipient());
  const accounts = { Platform: platform, Funder: funder, Provider: provider, Approver: approver, Signer: signer, Receiver: receiver };
  await seedWallet(page, accounts, 'Platform');

  const id = await createEscrow(page, {
    title: 'Logo design',
    token: token.contractId,
    amount: '250.5',
    milestones: [{ description: 'Sketches' }, { description: 'Final files' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [signer.publicKey()],
    disputeResolver: platform.publicKey(),
    receiver: receiver.publicKey(),
    platformFee: '2.5',
  });
  await expect(page.getByTestId('escrow-title')).toHaveText('Logo design');
  await expect(page.getByTestId('amount-total')).toHaveText('250.5 USDC');

  // Funder: no trustline yet → the page says so and fixes it.
  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  const helper = page.getByTestId('account-helper');
  await expect(helper).toContainText('Missing trustline');
  await helper.getByRole('button', { name: 'Add trustline' }).click();
  await expect(helper.getByRole('button', { name: 'Get test USDC' })).toBeVisible();
  await helper.getByRole('button', { name: 'Get test USDC' }).click();
  await expect(helper.getByTestId('token-balance')).toHaveText('1000');
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('250.5');
  await submitStep(page, 'Fund the escrow', 'Funded');
  await expect(page.getByTestId('amount-funded')).toHaveText('250.5 USDC');

  await useAccount(page, 'Provider');
  for (const i of [0, 1]) {
    await openStep(page, id, `Mark milestone ${i + 1}`);
    await page.getByLabel('Status').fill('Delivered');
    await page.getByLabel('Evidence (optional)').fill(`https://example.org/files/${i}`);
    await submitStep(page, `Mark milestone ${i + 1}`, 'Milestone marked');
  }

  await useAccount(page, 'Approver');
  for (const i of [0, 1]) {
    await openStep(page, id, `Approve milestone ${i + 1}`);
    await submitStep(page, `Approve milestone ${i + 1}`, 'Milestone approved');
  }

  await useAccount(page, 'Signer');
  await openStep(page, id, 'Release funds');
  await submitStep(page, 'Release the funds', 'Released');
  await expect(page.getByTestId('amount-balance')).toHaveText('0 USDC');
  await expect(page.getByTestId('timeline')).toContainText('released');

  // Every balance, fees included: platform 2.5 %, protocol 0.3 %, floor each.
  const gross = usdcUnits('250.5');
  const protocol = (gross * PROTOCOL_BPS) / 10_000n;
  const platformFee = (gross * 250n) / 10_000n;
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(gross - protocol - platformFee);
  expect(await tokenBalance(token.contractId, platform.publicKey())).toBe(platformFee);
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(usdcUnits('1000') - gross);
  expect(await tokenBalance(token.contractId, id)).toBe(0n);
  expect(gross - protocol - platformFee).toBe(usdcUnits('243.486'));
  const fees = protocolFeeRecipient();
  expect(await tokenBalance(token.contractId, fees) - feesBefore).toBe(protocol);
});
