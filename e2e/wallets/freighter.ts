/**
 * Freighter, as its extension looks to a page: its content script answers
 * `window.postMessage({ source: 'FREIGHTER_EXTERNAL_MSG_REQUEST', messageId, type, … })` with
 * `{ source: 'FREIGHTER_EXTERNAL_MSG_RESPONSE', messagedId, … }` (sic), which is what
 * @stellar/freighter-api (used by the kit's Freighter module) waits for. Field names and errors
 * follow Freighter's background listener (freighterApiMessageListener.ts). Test double only.
 */
import type { BrowserContext } from '@playwright/test';
import { offline, WalletDouble } from './double';

const BINDING = '__freighterDouble';

/** Runs in the page before any of its scripts (serialised by Playwright: self-contained). */
function freighterContentScript(binding: string) {
  type Answer = { value?: any; declined?: true; error?: string };
  const call = (op: string, args: Record<string, unknown> = {}) =>
    (window as any)[binding](op, args) as Promise<Answer>;
  const declined = {
    apiError: { code: -4, message: 'The user rejected this request.' },
    error: 'The user rejected this request.',
  };
  const failed = (message: string) => ({ apiError: { code: -1, message }, error: message });
  const settle = (a: Answer, ok: (v: any) => object) =>
    a.declined ? declined : a.error !== undefined ? failed(a.error) : ok(a.value);

  async function respond(req: Record<string, any>): Promise<object> {
    switch (req.type) {
      case 'REQUEST_CONNECTION_STATUS':
        return { isConnected: true };
      case 'REQUEST_ALLOWED_STATUS':
        return { isAllowed: (await call('allowed')).value };
      case 'REQUEST_ACCESS':
      case 'SET_ALLOWED_STATUS':
        return settle(await call('connect'), (publicKey) =>
          req.type === 'REQUEST_ACCESS' ? { publicKey } : { isAllowed: true },
        );
      case 'REQUEST_PUBLIC_KEY':
        return { publicKey: (await call('address')).value };
      case 'REQUEST_NETWORK':
      case 'REQUEST_NETWORK_DETAILS': {
        const n = (await call('network')).value as { name: string; passphrase: string };
        const networkDetails = {
          network: n.name,
          networkName: n.name,
          networkUrl: '',
          networkPassphrase: n.passphrase,
        };
        return req.type === 'REQUEST_NETWORK' ? { network: n.name } : { networkDetails };
      }
      case 'SUBMIT_TRANSACTION':
        return settle(
          await call('signTransaction', {
            xdr: req.transactionXdr,
            passphrase: req.networkPassphrase,
            address: req.accountToSign,
          }),
          (v) => ({
            signedTransaction: v.signedTxXdr,
            signerAddress: v.signerAddress,
          }),
        );
      case 'SUBMIT_AUTH_ENTRY':
        return settle(await call('signAuthEntry', { preimage: req.entryXdr, address: req.accountToSign }), (v) => ({
          signedAuthEntry: v.signedAuthEntry,
          signerAddress: v.signerAddress,
        }));
      default:
        return failed(`The Freighter double does not handle ${req.type}`);
    }
  }

  window.addEventListener('message', (event) => {
    const req = event.data;
    if (event.source !== window || req?.source !== 'FREIGHTER_EXTERNAL_MSG_REQUEST') return;
    void respond(req).then((body) =>
      window.postMessage(
        { source: 'FREIGHTER_EXTERNAL_MSG_RESPONSE', messagedId: req.messageId, ...body },
        window.location.origin,
      ),
    );
  });
}

/** Installs a Freighter double into every page of `context`. */
export async function installFreighter(context: BrowserContext, wallet: WalletDouble) {
  await offline(context);
  await wallet.expose(context, BINDING);
  await context.addInitScript(freighterContentScript, BINDING);
}
