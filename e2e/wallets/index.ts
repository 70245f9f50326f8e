/** The emulated browser wallets, each in a fresh browser context as one person's browser. */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Keypair } from '@stellar/stellar-sdk';
import { LOCAL, WalletDouble, type WalletNetwork } from './double';
import { installFreighter } from './freighter';
import { installHana } from './hana';
import { installLobstr } from './lobstr';
import { installXBull } from './xbull';

export interface EmulatedWallet {
  /** The kit's module id and the name its picker shows. */
  id: 'freighter' | 'xbull' | 'hana' | 'lobstr';
  name: string;
  install(context: BrowserContext, wallet: WalletDouble): Promise<void>;
}

export const WALLETS: EmulatedWallet[] = [
  { id: 'freighter', name: 'Freighter', install: installFreighter },
  { id: 'xbull', name: 'xBull', install: installXBull },
  { id: 'hana', name: 'Hana Wallet', install: installHana },
  { id: 'lobstr', name: 'LOBSTR', install: installLobstr },
];

export const wallet = (id: EmulatedWallet['id']) => WALLETS.find((w) => w.id === id)!;

/** A new browser (context) with only that wallet installed, holding `key`, on `network`. */
export async function browserWith(
  browser: Browser,
  w: EmulatedWallet,
  key: Keypair,
  network: WalletNetwork = LOCAL,
): Promise<{ context: BrowserContext; page: Page; double: WalletDouble }> {
  const context = await browser.newContext();
  const double = new WalletDouble(key, network);
  await w.install(context, double);
  const page = await context.newPage();
  await page.goto('/');
  return { context, page, double };
}
