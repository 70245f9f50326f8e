/**
 * xBull, as its extension looks to a page: it injects `window.xBullSDK` (SEP-43 shaped:
 * `getAddress()`, `signTransaction({ xdr, opts })`, `getNetwork()`, each resolving to the value or
 * to `{ error: { code, message } }`), which @creit.tech/xbull-wallet-connect (used by the kit's
 * xBull module) calls when present. It has no `signAuthEntry`. Test double only.
 */
import type { BrowserContext } from '@playwright/test';
import { offline, WalletDouble } from './double';

const BINDING = '__xbullDouble';

function injectXBullSdk(binding: string) {
  type Answer = { value?: any; declined?: true; error?: string };
  const call = (op: string, args: Record<string, unknown> = {}) =>
    (window as any)[binding](op, args) as Promise<Answer>;
  const settle = (a: Answer, ok: (v: any) => object) =>
    a.declined
      ? { error: { code: -1, message: 'The user rejected the request' } }
      : a.error !== undefined
        ? { error: { code: -1, message: a.error } }
        : ok(a.value);
  const sdk = {
    isConnected: false,
    async enableConnection() {
      const a = await call('connect');
      if (a.declined) throw { code: -1, message: 'The user rejected the request' };
      sdk.isConnected = true;
    },
    async getAddress() {
      return settle(await call('connect'), (address) => {
        sdk.isConnected = true;
        return { address };
      });
    },
    async signTransaction(params: { xdr: string; opts?: { networkPassphrase?: string; address?: string } }) {
      const allowed = await call('allowed');
      if (!allowed.value) {
        const a = await call('connect');
        if (a.declined) return settle(a, () => ({}));
      }
      return settle(
        await call('signTransaction', {
          xdr: params.xdr,
          passphrase: params.opts?.networkPassphrase,
          address: params.opts?.address,
        }),
        (v) => v,
      );
    },
    async getNetwork() {
      return settle(await call('network'), (n) => ({ network: n.name, networkPassphrase: n.passphrase }));
    },
    async signMessage() {
      return { error: { code: -1, message: 'The xBull double does not sign messages' } };
    },
  };
  (window as any).xBullSDK = sdk;
}

/** Installs an xBull double into every page of `context`. */
export async function installXBull(context: BrowserContext, wallet: WalletDouble) {
  await offline(context);
  await wallet.expose(context, BINDING);
  await context.addInitScript(injectXBullSdk, BINDING);
}
