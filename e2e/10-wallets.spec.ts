import { Keypair } from '@stellar/stellar-sdk';
import { createEscrow, openStep, submitStep } from './app';
import { escrowState, readyAccount, usdcUnits } from './chain';
import { expect, test } from './fixtures';
import { TESTNET } from './wallets/double';
import { WALLETS } from './wallets';
import { connectThroughPicker, connectWallet } from './wallets/picker';

for (const w of WALLETS) {
  test(`10. ${w.name} connects through the kit’s picker (once refused); a reload, a disconnect and a reconnect keep it`, async ({
    walletBrowser,
  }) => {
    const { page, double } = await walletBrowser(w, Keypair.random(), { connect: false });
    // Refused in the wallet's pop-up first: said so, nothing connected.
    double.approve = false;
    await connectThroughPicker(page, w.name);
    await expect(page.getByRole('region', { name: 'Wallet', exact: true }).getByRole('alert')).toHaveText(
      'The wallet did not connect: you rejected the request',
    );
    await expect(page.getByTestId('wallet-button')).toHaveText('Connect wallet');
    double.approve = true;
    await connectWallet(page, w.name, double.address);
    await page.getByTestId('wallet-button').click();
    await expect(page.getByRole('region', { name: 'Wallet', exact: true })).toContainText(`Connected (${w.name})`);
    await page.keyboard.press('Escape');

    // A reload keeps the chosen wallet and its address.
    await page.reload();
    await page.getByTestId('wallet-button').click();
    await expect(page.getByTestId('connected-address')).toHaveText(double.address);
    // Disconnect, then connect again: the picker lists the wallet used last first.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByTestId('wallet-button')).toHaveText('Connect wallet');
    await page
      .getByRole('region', { name: 'Wallet', exact: true })
      .getByRole('button', { name: /^Freighter, xBull/ })
      .click();
    await expect(
      page
        .locator('li')
        .filter({ has: page.locator('p') })
        .first(),
    ).toContainText(w.name);
    await page.locator('li', { has: page.getByText(w.name, { exact: true }) }).click();
    await expect(page.getByTestId('connected-address')).toHaveText(double.address);
    await page.reload();
    await expect(page.getByTestId('wallet-button')).toContainText(double.address.slice(0, 4));
  });
}

test('10b. a wallet on another network is refused at connect, naming both networks', async ({ walletBrowser }) => {
  const { page, double } = await walletBrowser('freighter', Keypair.random(), { network: TESTNET, connect: false });
  await connectThroughPicker(page, 'Freighter');
  await expect(page.getByRole('region', { name: 'Wallet', exact: true }).getByRole('alert')).toHaveText(
    'Your wallet is on Testnet (“Test SDF Network ; September 2015”), but this app is on Local (localnet) (“Standalone Network ; February 2017”). Switch your wallet’s network and connect again.',
  );
  await expect(page.getByTestId('wallet-button')).toHaveText('Connect wallet');
  // Switched in the wallet, it connects.
  double.network = { name: 'STANDALONE', passphrase: 'Standalone Network ; February 2017' };
  await connectThroughPicker(page, 'Freighter');
  await expect(page.getByTestId('connected-address')).toHaveText(double.address);
  // Switched back to Testnet while away: the next visit does not reconnect, and says why.
  double.network = TESTNET;
  await page.reload();
  await page.getByTestId('wallet-button').click();
  await expect(page.getByRole('region', { name: 'Wallet', exact: true }).getByRole('alert')).toContainText(
    'Your wallet is on Testnet',
  );
  await expect(page.getByTestId('wallet-button')).toHaveText('Connect wallet');
});

test('10c. a rejected signature in each wallet shows the rejection and sends nothing; then each wallet signs and funds', async ({
  page,
  cast,
  token,
  walletBrowser,
}) => {
  const { platform, other } = await cast({ platform: {}, other: { outside: true } });
  const id = await createEscrow(page, {
    title: 'Refused signatures',
    token: token.contractId,
    amount: '10',
    milestones: [{ description: 'Work' }],
    approvers: [other.publicKey()],
    serviceProvider: other.publicKey(),
    releaseSigners: [other.publicKey()],
    disputeResolver: platform.publicKey(),
    receiver: other.publicKey(),
    platformFee: '0',
  });
  let funded = 0n;
  for (const w of WALLETS) {
    const funder = await readyAccount({ usdc: '10' });
    const { context, page: p, double } = await walletBrowser(w, funder);
    await openStep(p, id, 'Fund');
    double.approve = false;
    await p.getByRole('button', { name: 'Fund the escrow' }).click();
    await expect(p.getByTestId('step-error'), w.name).toHaveText('The wallet did not sign: you rejected the request');
    expect(double.requests.filter((r) => r.op === 'signTransaction')).toHaveLength(1);
    expect((await escrowState(id)).funded).toBe(funded);
    // Then the same wallet signs for real, through the kit, and the funding lands.
    double.approve = true;
    await p.getByLabel('Amount (USDC)').fill('2');
    await submitStep(p, 'Fund the escrow', 'Funded');
    funded += usdcUnits('2');
    expect((await escrowState(id)).funded, w.name).toBe(funded);
    await context.close();
  }
});
