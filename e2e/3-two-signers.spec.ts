import { openStep, submitStep, useAccount } from './app';
import { tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';
import { approvedTwoOfTwo, startReleaseAsAlice } from './journeys';

test('3. a release that needs 2 of 2 signers', async ({ page, cast, token }) => {
  const c = await cast({
    platform: {},
    funder: { usdc: '50' },
    provider: {},
    approver: {},
    alice: {},
    lawyer: {},
    receiver: { outside: true },
  });
  const { lawyer, receiver } = c;
  const id = await approvedTwoOfTwo(page, c, token.contractId, {
    title: 'OTC trade',
    amount: '50',
    milestone: 'BTC sent',
  });

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
  cast,
  token,
  devBrowser,
}) => {
  // Alice's browser holds the other parties' keys but not the lawyer's.
  const c = await cast({
    platform: {},
    funder: { usdc: '50' },
    provider: {},
    approver: {},
    alice: {},
    lawyer: { outside: true },
    receiver: { outside: true },
  });
  const { alice, lawyer, receiver } = c;
  const id = await approvedTwoOfTwo(page, c, token.contractId, {
    title: 'OTC trade across browsers',
    amount: '50',
    milestone: 'BTC sent',
  });

  await startReleaseAsAlice(page, id, alice);

  // The lawyer, in another browser with only their own key, opens the shared page.
  const lawyerPage = await devBrowser({ Lawyer: lawyer });
  await lawyerPage.goto(page.url());
  await expect(lawyerPage.getByText('Release 50 USDC from escrow')).toBeVisible();
  await lawyerPage.getByRole('button', { name: 'Sign my authorisation' }).click();
  await submitStep(lawyerPage, 'Submit the release', 'Released');
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('50') - (usdcUnits('50') * 30n) / 10_000n,
  );
});
