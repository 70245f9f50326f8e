import { openStep, submitStep } from './app';
import { tokenBalance, usdcUnits } from './chain';
import { expect, test } from './fixtures';
import { approvedTwoOfTwo } from './journeys';

test('12. a 2-of-2 pending release signed with Freighter and Hana; xBull is told why it cannot sign its part', async ({
  page,
  cast,
  token,
  walletBrowser,
}) => {
  // The set-up, with the Local dev wallet.
  const c = await cast({
    platform: {},
    funder: { usdc: '30' },
    provider: {},
    approver: {},
    alice: { outside: true },
    lawyer: { outside: true },
    receiver: { outside: true },
  });
  const { alice, lawyer, receiver } = c;
  const id = await approvedTwoOfTwo(page, c, token.contractId, {
    title: 'OTC with two wallets',
    amount: '30',
    milestone: 'Coins sent',
  });

  // Alice, with Freighter, starts the release and signs her authorisation entry (signAuthEntry).
  const a = await walletBrowser('freighter', alice);
  await openStep(a.page, id, 'Release funds');
  await a.page.getByRole('button', { name: 'Start and collect signatures' }).click();
  await a.page.waitForURL(/\/pending\/[0-9a-f]+$/);
  const pendingUrl = a.page.url();
  // Refused in Freighter's pop-up first: said so, nothing signed.
  a.double.approve = false;
  await a.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(
    a.page
      .getByRole('alert')
      .filter({ hasText: 'The wallet did not sign the authorisation: you rejected the request' }),
  ).toBeVisible();
  await expect(a.page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}waiting`);
  a.double.approve = true;
  await a.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(a.page.getByTestId('pending-signers')).toContainText(`${alice.publicKey()}signed`);
  expect(a.double.requests.map((r) => r.op)).toContain('signAuthEntry');
  expect(a.double.requests.map((r) => r.op)).not.toContain('signTransaction');

  // The lawyer first tries xBull, which signs only whole transactions: the page says so and offers no button.
  const x = await walletBrowser('xbull', lawyer);
  await x.page.goto(pendingUrl);
  await expect(x.page.getByTestId('cannot-sign')).toHaveText(
    /^xBull cannot sign an authorisation entry .* such as Freighter or Hana/,
  );
  await expect(x.page.getByRole('button', { name: 'Sign my authorisation' })).toHaveCount(0);
  expect(x.double.requests.map((r) => r.op)).not.toContain('signTransaction');
  await x.context.close();

  // …then Hana, which signs the entry and, the last one, submits the release.
  const h = await walletBrowser('hana', lawyer);
  await h.page.goto(pendingUrl);
  await expect(h.page.getByText('Release 30 USDC from escrow')).toBeVisible();
  h.double.approve = false;
  await h.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await expect(
    h.page
      .getByRole('alert')
      .filter({ hasText: 'The wallet did not sign the authorisation: you rejected the request' }),
  ).toBeVisible();
  await expect(h.page.getByRole('button', { name: 'Submit the release' })).toHaveCount(0);
  h.double.approve = true;
  await h.page.getByRole('button', { name: 'Sign my authorisation' }).click();
  await submitStep(h.page, 'Submit the release', 'Released');
  expect(h.double.requests.map((r) => r.op)).toEqual(expect.arrayContaining(['signAuthEntry', 'signTransaction']));
  expect(await tokenBalance(token.contractId, receiver.publicKey())).toBe(
    usdcUnits('30') - (usdcUnits('30') * 30n) / 10_000n,
  );
});
