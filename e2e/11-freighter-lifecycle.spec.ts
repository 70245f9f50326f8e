import type { Keypair } from '@stellar/stellar-sdk';
import { createEscrow, openStep, submitStep } from './app';
import { tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';

test('11. a single-release escrow through its whole life with Freighter as every actor, each in their own browser', async ({
  cast,
  token,
  walletBrowser,
}) => {
  // Nobody uses the dev wallet: each actor has Freighter in a browser of their own.
  const { platform, funder, provider, approver, signer, receiver } = await cast({
    platform: { outside: true },
    funder: { usdc: '40', outside: true },
    provider: { outside: true },
    approver: { outside: true },
    signer: { outside: true },
    receiver: { outside: true },
  });
  const actor = (key: Keypair) => walletBrowser('freighter', key);

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
  for (const [key, link, button, banner] of steps) {
    const b = await actor(key);
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
});
