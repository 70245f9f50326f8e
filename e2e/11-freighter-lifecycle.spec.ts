import { expect, test } from '@playwright/test';
import { createEscrow, openStep, submitStep } from './app';
import { readyAccount, tokenBalance, usdc, usdcUnits } from './chain';
import { browserWith, wallet } from './wallets';
import { connectWallet } from './wallets/picker';

test('11. a single-release escrow through its whole life with Freighter as every actor, each in their own browser', async ({
  browser,
}) => {
  const token = await usdc();
  const [platform, funder, provider, approver, signer, receiver] = await Promise.all([
    readyAccount(),
    readyAccount({ usdc: '40' }),
    readyAccount(),
    readyAccount(),
    readyAccount(),
    readyAccount(),
  ]);
  const freighter = wallet('freighter');
  const actor = async (key: typeof platform) => {
    const b = await browserWith(browser, freighter, key);
    await connectWallet(b.page, 'Freighter', key.publicKey());
    return b;
  };

  const p = await actor(platform);
  const id = await createEscrow(p.page, {
    title: 'Freighter job',
    token: token.contractId,
    amount: '40',
    milestones: [{ description: 'Delivery' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [signer.publicKey()],
    disputeResolver: platform.publicKey(),
    receiver: receiver.publicKey(),
    platformFee: '1',
  });
  const steps: [typeof platform, string, string, string][] = [
    [funder, 'Fund', 'Fund the escrow', 'Funded'],
    [provider, 'Mark milestone 1', 'Mark milestone 1', 'Milestone marked'],
    [approver, 'Approve milestone 1', 'Approve milestone 1', 'Milestone approved'],
    [signer, 'Release funds', 'Release the funds', 'Released'],
  ];
  const browsers = [p];
  for (const [key, link, button, banner] of steps) {
    const b = await actor(key);
    browsers.push(b);
    await openStep(b.page, id, link);
    await submitStep(b.page, button, banner);
    // Each signature came from that person's own Freighter, for their own account and this network.
    expect(b.double.requests.filter((r) => r.op === 'signTransaction')).toHaveLength(1);
  }
  const gross = usdcUnits('40');
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    gross - (gross * 30n) / 10_000n - (gross * 100n) / 10_000n,
  );
  expect(await tokenBalance(token.contractId, id)).toBe(0n);
  for (const b of browsers) await b.context.close();
});
