/**
 * Hana, as its extension looks to a page: an injected provider `window.hanaWallet.stellar` with
 * `getPublicKey()`, `signTransaction({ xdr, accountToSign, networkPassphrase })` and
 * `signAuthEntry({ xdr, accountToSign })` (the preimage in, the base64 signature of its hash
 * out), each rejecting when the person declines. That is what the kit's Hana module calls. Test
 * double only.
 */
import type { BrowserContext } from '@playwright/test';
import { offline, WalletDouble } from './double';

const BINDING = '__hanaDouble';

function injectHanaProvider(binding: string) {
  type Answer = { value?: any; declined?: true; error?: string };
  const call = (op: string, args: Record<string, unknown> = {}) =>
    (window as any)[binding](op, args) as Promise<Answer>;
  async function unwrap(a: Answer) {
    if (a.declined) throw new Error('User rejected the request');
    if (a.error !== undefined) throw new Error(a.error);
    return a.value;
  }
  async function connected() {
    if (!(await call('allowed')).value) await unwrap(await call('connect'));
  }
  const stellar = {
    getPublicKey: async () => unwrap(await call('connect')),
    async signTransaction(p: { xdr: string; accountToSign?: string; networkPassphrase?: string }) {
      await connected();
      return (
        await unwrap(
          await call('signTransaction', { xdr: p.xdr, passphrase: p.networkPassphrase, address: p.accountToSign }),
        )
      ).signedTxXdr;
    },
    async signAuthEntry(p: { xdr: string; accountToSign?: string }) {
      await connected();
      return (await unwrap(await call('signAuthEntry', { preimage: p.xdr, address: p.accountToSign }))).signedAuthEntry;
    },
    async signMessage() {
      throw new Error('The Hana double does not sign messages');
    },
  };
  (window as any).hanaWallet = { stellar };
}

/** Installs a Hana double into every page of `context`. */
export async function installHana(context: BrowserContext, wallet: WalletDouble) {
  await offline(context);
  await wallet.expose(context, BINDING);
  await context.addInitScript(injectHanaProvider, BINDING);
}
