/** Connecting a browser wallet as a person does: the header's wallet menu, then the kit's picker. */
import { expect, type Page } from '@playwright/test';

/** Opens Stellar Wallets Kit's picker from the wallet menu and chooses `walletName` there. */
export async function connectThroughPicker(page: Page, walletName: string) {
  const menu = page.getByRole('region', { name: 'Wallet', exact: true });
  if (!(await menu.isVisible())) await page.getByTestId('wallet-button').click();
  await menu.getByRole('button', { name: /^Freighter, xBull/ }).click();
  await page.locator('li', { has: page.getByText(walletName, { exact: true }) }).click();
}

/** Connects and waits until the header shows the wallet's address. */
export async function connectWallet(page: Page, walletName: string, address: string) {
  await connectThroughPicker(page, walletName);
  // The wallet menu stays open behind the picker and shows what connected.
  await expect(page.getByTestId('wallet-button')).toContainText(address.slice(0, 4));
  await expect(page.getByTestId('connected-address')).toHaveText(address);
  await page.keyboard.press('Escape');
}
