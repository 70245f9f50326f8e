/**
 * Gets an API key from a running app the way a platform does: a fresh account signs in with
 * SEP-10 (challenge, signed, verified into a session cookie), then creates a key on the
 * settings endpoint. Prints the key and nothing else.
 *
 *   npx tsx scripts/fuzz-api/api-key.ts http://127.0.0.1:3100 [scope,scope…]
 */
import { Keypair, Transaction } from '@stellar/stellar-sdk';

const app = process.argv[2];
const scopes = (process.argv[3] ?? 'read,prepare,submit,webhooks').split(',');
if (!app) throw new Error('usage: api-key.ts APP_URL [SCOPES]');

/** A same-origin JSON POST (the settings endpoints refuse any other origin). */
async function post(path: string, body: unknown, cookie?: string): Promise<Response> {
  const res = await fetch(`${app}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(app!).origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function main(): Promise<void> {
  const account = Keypair.random();
  const challenge = (await (await post('/auth/challenge', { address: account.publicKey() })).json()) as {
    transaction: string;
    networkPassphrase: string;
  };
  const tx = new Transaction(challenge.transaction, challenge.networkPassphrase);
  tx.sign(account);
  const session = await post('/auth/session', { transaction: tx.toXDR() });
  const cookie = session.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('the sign-in set no session cookie');
  const made = (await (await post('/keys', { name: 'fuzz', scopes }, cookie)).json()) as { key: string };
  process.stdout.write(`${made.key}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
