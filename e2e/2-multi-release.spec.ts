import { createEscrow, markAndApprove, openStep, submitStep, useAccount } from './app';
import { latestLedger, protocolFeeRecipient, tokenBalance, transferToken, transferred, usdcUnits } from './chain';
import { expect, test } from './fixtures';

test('2. multi-release: one milestone released, another disputed and resolved with a split', async ({
  page,
  cast,
  token,
}) => {
  const startLedger = await latestLedger();
  const { platform, funder, provider, approver, signer, resolver, designer, developer } = await cast({
    platform: {},
    funder: { usdc: '500' },
    provider: {},
    approver: {},
    signer: {},
    resolver: {},
    designer: { outside: true },
    developer: { outside: true },
  });

  const id = await createEscrow(page, {
    kind: 'Multi',
    title: 'Website',
    token: token.contractId,
    milestones: [
      { description: 'Design', amount: '100', receiver: designer.publicKey() },
      { description: 'Build', amount: '300', receiver: developer.publicKey() },
    ],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [signer.publicKey()],
    disputeResolver: resolver.publicKey(),
    receiver: provider.publicKey(),
    platformFee: '1',
  });
  await expect(page.getByTestId('amount-total')).toHaveText('400 USDC');

  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  await expect(page.getByLabel('Amount (USDC)')).toHaveValue('400');
  await submitStep(page, 'Fund the escrow', 'Funded');

  await markAndApprove(page, id);
  await useAccount(page, 'Signer');
  await openStep(page, id, 'Release milestone 1');
  await submitStep(page, 'Release milestone 1', 'Released');

  // The approver disputes milestone 2 (a named party; a mere funder may not); the resolver splits it 40 / 60.
  await useAccount(page, 'Approver');
  await openStep(page, id, 'Dispute milestone 2');
  await page.getByLabel('Reason').fill('The build misses the agreed pages');
  await submitStep(page, 'Raise the dispute', 'Dispute raised');
  await expect(page.getByTestId('milestone-1')).toContainText('Disputed');

  await useAccount(page, 'Resolver');
  await openStep(page, id, 'Resolve milestone dispute 2');
  await page.getByLabel('Recipient 1 address', { exact: true }).fill(developer.publicKey());
  await page.getByLabel('Recipient 1 share (USDC)').fill('180');
  await page.getByLabel('Recipient 2 address', { exact: true }).fill(funder.publicKey());
  await page.getByLabel('Recipient 2 share (USDC)').fill('120');
  await expect(page.getByTestId('share-preview-1')).toContainText('120 USDC of it a fee-free refund');
  await expect(page.getByTestId('distribution-total')).toContainText('✓');
  await submitStep(page, 'Resolve the dispute', 'Milestone dispute resolved');
  await expect(page.getByTestId('amount-balance')).toHaveText('0 USDC');

  const fee = (x: bigint, bps: bigint) => (x * bps) / 10_000n;
  const m1 = usdcUnits('100');
  const dev = usdcUnits('180');
  expect(await tokenBalance(token.contractId, designer.publicKey())).toBe(m1 - fee(m1, 30n) - fee(m1, 100n));
  expect(await tokenBalance(token.contractId, developer.publicKey())).toBe(dev - fee(dev, 30n) - fee(dev, 100n));
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(
    usdcUnits('500') - usdcUnits('400') + usdcUnits('120'),
  );
  expect(await tokenBalance(token.contractId, platform.publicKey())).toBe(fee(m1, 100n) + fee(dev, 100n));
  expect(await transferred(token.contractId, id, protocolFeeRecipient(), startLedger)).toBe(
    fee(m1, 30n) + fee(dev, 30n),
  );

  // Tokens sent straight to the closed escrow: the resolver hands them out (to the funder, fee-free).
  await transferToken(token.contractId, funder, id, usdcUnits('5'));
  await page.goto(`/escrows/${id}`);
  await page.getByTestId('action-panel').getByRole('link', { name: 'Withdraw remaining funds' }).click();
  await page.getByLabel('Recipient 1 address', { exact: true }).fill(funder.publicKey());
  await page.getByLabel('Recipient 1 share (USDC)').fill('5');
  await page.getByRole('button', { name: 'Remove recipient 2' }).click();
  await expect(page.getByTestId('share-preview-0')).toContainText('5 USDC of it a fee-free refund');
  await submitStep(page, 'Withdraw', 'Remaining funds withdrawn');
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(
    usdcUnits('500') - usdcUnits('400') + usdcUnits('120'),
  );
  expect(await tokenBalance(token.contractId, id)).toBe(0n);
});
