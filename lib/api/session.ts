/**
 * Sign-in with a wallet (SEP-10): the server builds a challenge transaction for an address
 * (the SDK's WebAuth), the wallet signs it with `signTransaction`, the server verifies it and
 * opens a session whose token lives in an httpOnly, SameSite=Strict cookie. A signed challenge
 * opens one session only; a session lasts 8 hours.
 */
import { Keypair, Transaction, WebAuth } from '@stellar/stellar-sdk';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiSessions } from '../db/schema';
import { accountAddress } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';
import { randomToken, sha256Hex } from './hash';

export const SESSION_COOKIE = 'openescrow_session';
export const SESSION_SECONDS = 8 * 60 * 60;
const CHALLENGE_SECONDS = 300;

// The key that signs challenges. Several instances behind one URL need the same
// OPENESCROW_WEB_AUTH_SECRET; without it each process makes its own (a challenge must then be
// answered to the instance that issued it).
const serverKey = process.env.OPENESCROW_WEB_AUTH_SECRET
  ? Keypair.fromSecret(process.env.OPENESCROW_WEB_AUTH_SECRET)
  : Keypair.random();

/** A SEP-10 challenge for `address`, for the wallet to sign. `domain` is the app's host name. */
export function challengeFor(
  passphrase: string,
  addressRaw: unknown,
  domain: string,
): Result<{ transaction: string; networkPassphrase: string }> {
  const address = accountAddress.safeParse(addressRaw);
  if (!address.success)
    return fail('invalid-input', 'Some fields need attention', { address: [address.error.issues[0]!.message] });
  const transaction = WebAuth.buildChallengeTx(serverKey, address.data, domain, CHALLENGE_SECONDS, passphrase, domain);
  return ok({ transaction, networkPassphrase: passphrase });
}

/** Verifies a signed challenge and opens a session: the cookie's token and the address. */
export async function signIn(
  db: Database,
  passphrase: string,
  signedRaw: unknown,
  domain: string,
): Promise<Result<{ token: string; address: string }>> {
  if (typeof signedRaw !== 'string' || signedRaw.length > 10_000)
    return fail('invalid-input', 'Some fields need attention', {
      transaction: ['Send the signed challenge transaction (base64 XDR)'],
    });
  let address: string;
  let hash: string;
  try {
    const read = WebAuth.readChallengeTx(signedRaw, serverKey.publicKey(), passphrase, domain, domain);
    address = read.clientAccountID;
    hash = Buffer.from((read.tx as Transaction).hash()).toString('hex');
    // Only the account's own key: the account may not exist on-chain to list other signers.
    WebAuth.verifyChallengeTxSigners(signedRaw, serverKey.publicKey(), passphrase, [address], domain, domain);
  } catch (e) {
    return fail('sign-in-refused', `The sign-in could not be verified: ${(e as Error).message}`);
  }
  if (!accountAddress.safeParse(address).success) return fail('sign-in-refused', 'Sign in with a G… account');
  const token = randomToken(32);
  const now = new Date();
  await db.delete(apiSessions).where(lt(apiSessions.expiresAt, now));
  const inserted = await db
    .insert(apiSessions)
    .values({
      hash: sha256Hex(token),
      address,
      challengeHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
    })
    .onConflictDoNothing()
    .returning({ hash: apiSessions.hash });
  if (inserted.length === 0) return fail('sign-in-refused', 'This challenge was already used: ask for a new one');
  return ok({ token, address });
}

/** The signed-in address of a session token, or null. */
export async function sessionAddress(db: Database, token: string | null): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ address: apiSessions.address })
    .from(apiSessions)
    .where(and(eq(apiSessions.hash, sha256Hex(token)), gt(apiSessions.expiresAt, new Date())));
  return row?.address ?? null;
}

/** Ends a session. */
export async function signOut(db: Database, token: string | null): Promise<void> {
  if (token) await db.delete(apiSessions).where(eq(apiSessions.hash, sha256Hex(token)));
}

/** The session cookie's token from a Cookie header. */
export function sessionToken(headers: Headers): string | null {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

/** The Set-Cookie value of a session (Secure on https). */
export function sessionCookie(token: string, secure: boolean, maxAge = SESSION_SECONDS): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}
