import { createEscrow, openStep, submitStep, useAccount } from './app';
import { escrowState, tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';

/**
 * The update-then-fund race: the funder has the fund page open (terms version 1) when the
 * platform changes the escrow (a new receiver, a bigger amount). Funding is refused, nothing
 * moves, and the page shows the new terms; funding again binds to them knowingly.
 */
test('7. terms race: an update lands while the fund page is open; funding is refused and shows the new terms', async ({
  page,
  cast,
  token,
  devBrowser,
}) => {
  const { platform, funder, provider, approver, receiver, accomplice } = await cast({
    platform: {},
    funder: { usdc: '100' },
    provider: { outside: true },
    approver: { outside: true },
    receiver: { outside: true },
    accomplice: { outside: true },
  });
  const id = await createEscrow(page, {
    title: 'Translation',
    token: token.contractId,
    amount: '50',
    milestones: [{ description: 'Chapter 1' }],
    approvers: [approver.publicKey()],
    serviceProvider: provider.publicKey(),
    releaseSigners: [approver.publicKey()],
    disputeResolver: platform.publicKey(),
    receiver: receiver.publicKey(),
    platformFee: '2',
  });

  await useAccount(page, 'Funder');
  await openStep(page, id, 'Fund');
  const terms = page.getByTestId('fund-terms');
  await expect(terms.getByTestId('terms-version')).toHaveText('1');
  await expect(terms.getByTestId('terms-receiver')).toContainText(receiver.publicKey());
  await expect(terms.getByTestId('terms-total')).toHaveText('50 USDC');

  // Meanwhile, in another browser, the platform edits the escrow.
  const platformPage = await devBrowser({ Platform: platform });
  await openStep(platformPage, id, 'Edit escrow');
  await platformPage.getByLabel('Receiver', { exact: true }).fill(accomplice.publicKey());
  await platformPage.getByLabel('Amount (USDC)').fill('60');
  await submitStep(platformPage, 'Save changes', 'Escrow updated');
  await platformPage.context().close();

  // The funder's page still shows version 1; funding under it is refused by the contract.
  const before = await tokenBalance(token.contractId, funder.publicKey());
  await page.getByRole('button', { name: 'Fund the escrow' }).click();
  await expect(page.getByTestId('step-error')).toContainText('terms changed after you reviewed them');
  // …the page now shows the new terms…
  await expect(terms.getByTestId('terms-version')).toHaveText('2');
  await expect(terms.getByTestId('terms-receiver')).toContainText(accomplice.publicKey());
  await expect(terms.getByTestId('terms-total')).toHaveText('60 USDC');
  // …and nothing moved.
  expect(await tokenBalance(token.contractId, funder.publicKey())).toBe(before);
  expect(await tokenBalance(token.contractId, id)).toBe(0n);
  const state = await escrowState(id);
  expect(state.funded).toBe(0n);
  expect(state.terms_version).toBe(2);

  // Having seen them, the funder funds under version 2.
  await page.getByLabel('Amount (USDC)').fill('60');
  await submitStep(page, 'Fund the escrow', 'Funded');
  expect(await tokenBalance(token.contractId, id)).toBe(usdcUnits('60'));
});
