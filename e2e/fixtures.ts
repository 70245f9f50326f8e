/**
 * The e2e suite's fixtures (Playwright's `test.extend`): each test is handed localnet's test
 * USDC, the chain helpers, a ready cast of funded accounts seeded into its page's dev wallet,
 * and browsers of their own for other people (the dev wallet or an emulated wallet). Browsers
 * a test opens this way are closed after it.
 *
 *   test('…', async ({ page, cast, token }) => {
 *     const { platform, funder } = await cast({ platform: {}, funder: { usdc: '50' } });
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import type { Keypair } from '@stellar/stellar-sdk';
import { seedWallet, type Accounts } from './app';
import * as chain from './chain';
import type { LocalAsset } from './chain';
import { browserWith, wallet, type EmulatedWallet } from './wallets';
import type { WalletDouble, WalletNetwork } from './wallets/double';
import { connectWallet } from './wallets/picker';

export { expect } from '@playwright/test';

/** One member of a cast: a new funded account (friendbot), by default with a USDC trustline. */
export interface AccountSpec {
  /** Test USDC to mint to it. */
  usdc?: string;
  /** false: XLM only, no trustline (the fund page adds one). */
  trustline?: boolean;
  /** Left out of the page's dev wallet: someone who acts from another browser, or never. */
  outside?: boolean;
}

/** A browser of another person, with one emulated wallet holding their key. */
export interface WalletBrowser {
  context: BrowserContext;
  page: Page;
  double: WalletDouble;
}

export interface Fixtures {
  /** Localnet's test USDC (code, issuer, asset contract id). */
  token: LocalAsset & { issuer: string };
  /** Chain helpers on the e2e localnet: balances, escrow state, transfers, the clock. */
  chain: typeof chain;
  /**
   * Makes the accounts (in parallel) and seeds the page's dev wallet with them under their
   * capitalised names (`platform` → "Platform"), `active` (default: the first) selected.
   */
  cast: <N extends string>(accounts: Record<N, AccountSpec>, opts?: { active?: N }) => Promise<Record<N, Keypair>>;
  /** A browser of its own whose dev wallet holds `accounts` (by the names given), `active` selected. */
  devBrowser: (accounts: Accounts, active?: string) => Promise<Page>;
  /** A browser of its own with only wallet `id` installed, holding `key`, connected unless `connect: false`. */
  walletBrowser: (
    id: EmulatedWallet['id'] | EmulatedWallet,
    key: Keypair,
    opts?: { network?: WalletNetwork; connect?: boolean },
  ) => Promise<WalletBrowser>;
}

const walletName = (key: string) => key[0]!.toUpperCase() + key.slice(1);

export const test = base.extend<Fixtures>({
  token: async ({}, use) => {
    await use(await chain.usdc());
  },
  chain: async ({}, use) => {
    await use(chain);
  },
  cast: async ({ page }, use) => {
    await use(async (accounts, opts = {}) => {
      const names = Object.keys(accounts) as (keyof typeof accounts)[];
      const keys = await Promise.all(names.map((n) => chain.readyAccount(accounts[n])));
      const cast = Object.fromEntries(names.map((n, i) => [n, keys[i]!])) as Record<keyof typeof accounts, Keypair>;
      const held = names.filter((n) => !accounts[n].outside);
      const active = opts.active ?? held[0];
      if (active !== undefined)
        await seedWallet(page, Object.fromEntries(held.map((n) => [walletName(n), cast[n]])), walletName(active));
      return cast;
    });
  },
  devBrowser: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (accounts, active) => {
      const context = await browser.newContext();
      opened.push(context);
      const page = await context.newPage();
      await seedWallet(page, accounts, active ?? Object.keys(accounts)[0]!);
      return page;
    });
    for (const c of opened) await c.close();
  },
  walletBrowser: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (id, key, opts = {}) => {
      const w = typeof id === 'string' ? wallet(id) : id;
      const b = await browserWith(browser, w, key, opts.network);
      opened.push(b.context);
      if (opts.connect !== false) await connectWallet(b.page, w.name, key.publicKey());
      return b;
    });
    for (const c of opened) await c.close();
  },
});
