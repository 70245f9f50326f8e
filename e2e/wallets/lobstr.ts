/**
 * LOBSTR's signer extension, as it looks to a page: its content script answers
 * `window.postMessage({ source: 'LOBSTR_EXTERNAL_MSG_REQUEST', messageId, type, version, … })`
 * with `{ source: 'LOBSTR_EXTERNAL_MSG_RESPONSE', messagedId, … }`, which
 * @lobstrco/signer-extension-api (used by the kit's LOBSTR module) waits for: REQUEST_ACCESS
 * gives `{ publicKey, connectionKey }`, SIGN gives `{ signedData, signerAddress }`, a refusal
 * `{ error }`. LOBSTR is told no network and no account: it signs with its own. Test double only.
 */
import type { BrowserContext } from '@playwright/test';
import { offline, WalletDouble } from './double';

const BINDING = '__lobstrDouble';

function lobstrContentScript(binding: string) {
  type Answer = { value?: any; declined?: true; error?: string };
  const call = (op: string, args: Record<string, unknown> = {}) =>
    (window as any)[binding](op, args) as Promise<Answer>;
  const settle = (a: Answer, ok: (v: any) => object) =>
    a.declined ? { error: 'User declined the request' } : a.error !== undefined ? { error: a.error } : ok(a.value);
  // The real extension keeps it; the api keeps it in sessionStorage across reloads.
  const connectionKey = 'lobstr-double-connection';

  async function respond(req: Record<string, any>): Promise<object> {
    switch (req.type) {
      case 'REQUEST_CONNECTION_STATUS':
        return { isConnected: true };
      case 'REQUEST_ACCESS':
        return settle(await call('connect'), (publicKey) => ({ publicKey, connectionKey }));
      case 'SIGN':
        if (req.connectionKey !== connectionKey) return { error: 'Unknown connection: connect LOBSTR again' };
        if (req.signType !== 'transaction') return { error: 'The LOBSTR double signs only transactions' };
        return settle(await call('signTransaction', { xdr: req.dataToSign }), (v) => ({
          signedData: v.signedTxXdr,
          signerAddress: v.signerAddress,
        }));
      default:
        return { error: `The LOBSTR double does not handle ${req.type}` };
    }
  }

  window.addEventListener('message', (event) => {
    const req = event.data;
    if (event.source !== window || req?.source !== 'LOBSTR_EXTERNAL_MSG_REQUEST') return;
    void respond(req).then((body) =>
      window.postMessage(
        { source: 'LOBSTR_EXTERNAL_MSG_RESPONSE', messagedId: req.messageId, ...body },
        window.location.origin,
      ),
    );
  });
}

/** Installs a LOBSTR double into every page of `context`. */
export async function installLobstr(context: BrowserContext, wallet: WalletDouble) {
  await offline(context);
  await wallet.expose(context, BINDING);
  await context.addInitScript(lobstrContentScript, BINDING);
}
