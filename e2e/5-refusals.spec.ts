import { createEscrow, openStep, submitStep, useAccount } from './app';
import { escrowState, tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';

test('5. a wrong role and bad inputs get the right messages and change nothing on-chain', async ({
  page,
  cast,
  token,
}) => {
  const { funder, provider, approver, resolver } = await cast({
    platform: {},
    funder: { usdc: '300' },
    provider: {},
    approver: { outside: true },
    resolver: {},
    stranger: {},
    untrusting: { trustline: false },
  });

  // A bad address (one changed character) is caught in the form, with its reason, and nothing is sent.
  await page.goto('/escrows/new');
  const typo =
    provider.publicKey().slice(0, 20) + (provider.publicKey()[20] === 'A' ? 'B' : 'A') + provider.publicKey().slice(21);
  await page.getByLabel('Service provider', { exact: true }).fill(typo);
  await page.getByLabel('Title', { exact: true }).fill('Bad');
  await page.getByRole('button', { name: 'Create the escrow' }).click();
  const field = page.getByLabel('Service provider', { exact: true });
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/checksum does not match/);
  await expect(page.getByTestId('step-progress')).toHaveCount(0);

  const id = await createEscrow(page, {
    title: 'Translation',
    token: token.contractId,
    amount: '150',
    milestones: [{ description: 'Chapter 1' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [approver.publicKey()],
    disputeResolver: resolver.publicKey(),
    receiver: provider.publicKey(),
    platformFee: '1',
  });

  // The platform may still edit it before funding: a bigger amount.
  await openStep(page, id, 'Edit escrow');
  await page.getByLabel('Amount (USDC)').fill('200');
  await page.getByLabel('Title', { exact: true }).fill('Translation (2 chapters)');
  await submitStep(page, 'Save changes', 'Escrow updated');
  await expect(page.getByTestId('escrow-title')).toHaveText('Translation (2 chapters)');

  // No trustline, then no balance: each says so before any wallet opens.
  await useAccount(page, 'Untrusting');
  await openStep(page, id, 'Fund');
  await page.getByLabel('Amount (USDC)').fill('10');
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toContainText(
    'Missing trustline: your account has no trustline for USDC',
  );
  await useAccount(page, 'Stranger');
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveText('Insufficient balance: you hold 0 USDC, this needs 10 USDC');

  // A rejected signature: the wallet asks, the person says no, nothing is sent.
  await useAccount(page, 'Funder');
  await page.getByTestId('wallet-button').click();
  await page.getByRole('checkbox', { name: 'Ask before signing' }).check();
  await page.keyboard.press('Escape');
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveText('The wallet did not sign: you rejected the request');
  expect((await escrowState(id)).funded).toBe(0n);
  await page.getByTestId('wallet-button').click();
  await page.getByRole('checkbox', { name: 'Ask before signing' }).uncheck();
  await page.keyboard.press('Escape');

  // Overfunding: refused before the wallet opens, with how much is allowed.
  await openStep(page, id, 'Fund');
  await page.getByLabel('Amount (USDC)').fill('250');
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toHaveText('That is more than the escrow still needs: at most 200 USDC');
  expect((await escrowState(id)).funded).toBe(0n);
  // Too many decimals: the form says so.
  await page.getByLabel('Amount (USDC)').fill('1.123456789');
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByLabel('Amount (USDC)')).toHaveAccessibleDescription(/At most 7 digits after the dot/);
  await page.getByLabel('Amount (USDC)').fill('200');
  await submitStep(page, 'Fund the escrow', 'Funded');

  // A wrong role: a stranger goes straight to the service provider's page.
  await useAccount(page, 'Stranger');
  await page.goto(`/escrows/${id}/milestones/0/status`);
  await page.getByRole('button', { name: 'Mark milestone 1' }).click();
  await expect(page.getByTestId('step-error')).toHaveText(
    'Only the service provider marks milestones; connect that account',
  );
  // …and is not offered it on the escrow page either.
  await page.goto(`/escrows/${id}`);
  await expect(page.getByTestId('action-panel').getByRole('link')).toHaveCount(0);
  expect(((await escrowState(id)).milestones as { status: string }[])[0]!.status).toBe('');

  // A distribution that does not add up.
  await useAccount(page, 'Provider');
  await openStep(page, id, 'Raise a dispute');
  await page.getByLabel('Reason').fill('Scope changed');
  await submitStep(page, 'Raise the dispute', 'Dispute raised');
  await useAccount(page, 'Resolver');
  await openStep(page, id, 'Resolve dispute');
  await page.getByLabel('Recipient 1 address', { exact: true }).fill(provider.publicKey());
  await page.getByLabel('Recipient 1 share (USDC)').fill('100');
  await page.getByLabel('Recipient 2 address', { exact: true }).fill(funder.publicKey());
  await page.getByLabel('Recipient 2 share (USDC)').fill('50');
  await page.getByRole('button', { name: 'Resolve the dispute' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The shares add up to 150; they must add up to 200' }),
  ).toBeVisible();
  const before = await escrowState(id);
  expect(before.resolved).toBe(false);
  expect(await tokenBalance(token.contractId, id)).toBe(usdcUnits('200'));
  // Fixed: it goes through.
  await page.getByLabel('Recipient 2 share (USDC)').fill('100');
  await submitStep(page, 'Resolve the dispute', 'Dispute resolved');
});
