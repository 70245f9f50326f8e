import { expect, test } from '@playwright/test';
import { localnetInfo, tokenBalance } from './chain';

test('0. a newcomer creates Local dev wallet accounts from the header, by keyboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('network-badge')).toHaveText(/Local/);
  await page.getByRole('button', { name: 'Connect wallet' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Wallet' });
  await expect(panel.getByLabel('New account name')).toBeFocused();
  await page.keyboard.type('Alice');
  await panel.getByRole('button', { name: 'Create account' }).press('Enter');
  await expect(panel.getByRole('status').or(panel.locator('[aria-live]'))).toContainText('Created and funded');
  await panel.getByLabel('New account name').fill('Bob');
  await panel.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('wallet-button')).toContainText('Bob');
  await panel.getByRole('radio', { name: 'Alice' }).check();
  await expect(page.getByTestId('wallet-button')).toContainText('Alice');
  await panel.getByLabel('Name of the active account').fill('Alice (buyer)');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('wallet-button')).toBeFocused();
  await expect(page.getByTestId('wallet-button')).toContainText('Alice (buyer)');

  // The documented storage format, so that any test can seed it.
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('openescrow:dev-wallet')))!) as {
    accounts: { name: string; secret: string }[];
    active: string;
  };
  expect(stored.accounts.map((a) => a.name)).toEqual(['Alice (buyer)', 'Bob']);
  expect(stored.accounts.every((a) => /^S[A-Z2-7]{55}$/.test(a.secret))).toBe(true);
  expect(stored.active).toMatch(/^G[A-Z2-7]{55}$/);
  // Friendbot funded it: the account exists with XLM (its native balance through the asset contract).
  const native = (await localnetInfo()).assets.find((a) => a.code === 'XLM')!.contractId;
  expect(await tokenBalance(native, stored.active)).toBeGreaterThan(0n);
});
