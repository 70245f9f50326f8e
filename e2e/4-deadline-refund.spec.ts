import { createEscrow, openStep, submitStep, useAccount } from './app';
import { advanceTime, chainTime, tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';

test.use({ timezoneId: 'UTC' });

test('4. a deadline refund, after localnet_advanceTime', { tag: '@clock' }, async ({ page, cast, token }) => {
  const { platform, funder, other } = await cast({ platform: {}, funder: { usdc: '80' }, other: { outside: true } });
  // The form takes local time (UTC here); one hour after the chain's clock, to the minute.
  const deadline = new Date((Math.floor((await chainTime()) / 60) * 60 + 3600) * 1000).toISOString().slice(0, 16);
  const id = await createEscrow(page, {
    title: 'Pre-order',
    token: token.contractId,
    amount: '100',
    milestones: [{ description: 'Ship' }],
    approvers: [other.publicKey()],
    serviceProvider: other.publicKey(),
    releaseSigners: [other.publicKey()],
    disputeResolver: platform.publicKey(),
    receiver: other.publicKey(),
    platformFee: '5',
    deadline,
  });

  // Editing shows the stored deadline in the browser's time, unchanged.
  await openStep(page, id, 'Edit escrow');
  await expect(page.getByLabel('Deadline (optional)')).toHaveValue(deadline);

  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await page.getByLabel('Amount (USDC)').fill('80');
  await submitStep(page, 'Fund the escrow', 'Funded');
  // Before the deadline the refund is offered with its reason, not as an action.
  await expect(page.getByTestId('blocked-actions')).toContainText('Claim refund: The deadline has not passed yet');
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(0n);

  await advanceTime(7200);
  await openStep(page, id, 'Claim refund');
  await submitStep(page, 'Claim my refund', 'Refund claimed');
  await expect(page.getByTestId('amount-balance')).toHaveText('0 USDC');
  // Fee-free: all 80 back.
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(usdcUnits('80'));
  await expect(page.getByTestId('action-panel')).toContainText('Fund: A refund has been claimed');
});
