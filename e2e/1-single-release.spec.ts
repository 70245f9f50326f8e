import { latestLedger, protocolFeeRecipient, tokenBalance, transferred, usdcUnits } from './chain';
import { expect, test } from './fixtures';
import { singleReleaseLifecycle } from './journeys';

const PROTOCOL_BPS = 30n;

test('1. a single-release escrow through its whole life, every balance checked', async ({ page, cast, token }) => {
  const startLedger = await latestLedger();
  // The funder starts with XLM only: the fund page adds the trustline and gets test USDC.
  const { platform, funder, provider, approver, signer, receiver } = await cast({
    platform: {},
    funder: { trustline: false },
    provider: {},
    approver: {},
    signer: {},
    receiver: {},
  });

  const id = await singleReleaseLifecycle(page, { platform, provider, approver, signer, receiver }, token.contractId, {
    amount: '250.5',
    platformFee: '2.5',
    milestones: ['Sketches', 'Final files'],
    beforeFund: async () => {
      const helper = page.getByTestId('account-helper');
      await expect(helper).toContainText('Missing trustline');
      await helper.getByRole('button', { name: 'Add trustline' }).click();
      await helper.getByRole('button', { name: 'Get test USDC' }).click();
      await expect(helper.getByTestId('token-balance')).toHaveText('1000');
    },
  });
  await expect(page.getByTestId('escrow-title')).toHaveText('Logo design');
  await expect(page.getByTestId('amount-total')).toHaveText('250.5 USDC');
  await expect(page.getByTestId('amount-paid-out')).toHaveText('250.5 USDC');
  await expect(page.getByTestId('amount-balance')).toHaveText('0 USDC');
  await expect(page.getByTestId('timeline')).toContainText('released');

  // Every balance, fees included: platform 2.5 %, protocol 0.3 %, floor each.
  const gross = usdcUnits('250.5');
  const protocol = (gross * PROTOCOL_BPS) / 10_000n;
  const platformFee = (gross * 250n) / 10_000n;
  expect(gross - protocol - platformFee).toBe(usdcUnits('243.486'));
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(gross - protocol - platformFee);
  expect(await tokenBalance(token.contractId, platform.publicKey())).toBe(platformFee);
  expect(await transferred(token.contractId, id, protocolFeeRecipient(), startLedger)).toBe(protocol);
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(usdcUnits('1000') - gross);
  expect(await tokenBalance(token.contractId, id)).toBe(0n);
});
