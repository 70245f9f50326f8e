import { Keypair, Networks, TransactionBuilder } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { type ReadModel } from '../db/client';
import { ok } from '../stellar/result';
import { challengeFor, sessionAddress, sessionCookie, signIn } from './session';
import { sameOrigin, settingsRoute } from './settings-route';
import { withApiTestDatabase } from './test-database';

const PASS = Networks.STANDALONE;
let rm: ReadModel;

withApiTestDatabase((opened) => (rm = opened));

function signed(challenge: string, kp: Keypair, passphrase = PASS): string {
  const tx = TransactionBuilder.fromXDR(challenge, passphrase);
  tx.sign(kp);
  return tx.toXDR();
}

describe('SEP-10 sign-in', () => {
  it('opens a session for the account that signed its challenge, once', async () => {
    const kp = Keypair.random();
    const c = challengeFor(PASS, kp.publicKey(), 'app.test');
    if (!c.ok) throw new Error(c.error.message);
    const xdr = signed(c.data.transaction, kp);
    const session = await signIn(rm.db, PASS, xdr, 'app.test');
    if (!session.ok) throw new Error(session.error.message);
    expect(session.data.address).toBe(kp.publicKey());
    expect(await sessionAddress(rm.db, session.data.token)).toBe(kp.publicKey());
    const replay = await signIn(rm.db, PASS, xdr, 'app.test');
    expect(replay.ok).toBe(false);
  });

  it('refuses an unsigned challenge, another signer, another domain, another network, a typo', async () => {
    const kp = Keypair.random();
    const c = challengeFor(PASS, kp.publicKey(), 'app.test');
    if (!c.ok) throw new Error();
    for (const attempt of [
      signIn(rm.db, PASS, c.data.transaction, 'app.test'),
      signIn(rm.db, PASS, signed(c.data.transaction, Keypair.random()), 'app.test'),
      signIn(rm.db, PASS, signed(c.data.transaction, kp), 'evil.test'),
      signIn(rm.db, Networks.TESTNET, signed(c.data.transaction, kp), 'app.test'),
      signIn(rm.db, PASS, 'AAAA', 'app.test'),
    ]) {
      const r = await attempt;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('sign-in-refused');
    }
    const typo = challengeFor(
      PASS,
      `${kp.publicKey().slice(0, -2)}${kp.publicKey().endsWith('AA') ? 'BB' : 'AA'}`,
      'app.test',
    );
    expect(typo.ok ? null : typo.error.fieldErrors?.address).toHaveLength(1);
    expect(await sessionAddress(rm.db, 'made-up')).toBeNull();
  });

  it('sets an httpOnly SameSite=Strict cookie', () => {
    expect(sessionCookie('t', true)).toMatch(/HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
  });
});

describe('settings routes', () => {
  const whoami = settingsRoute({}, async ({ address }) => ok({ address }));

  it('refuses a state-changing request from a foreign origin or without an origin', () => {
    const post = (origin?: string) =>
      new Request('http://app.test/api/v1/keys', {
        method: 'POST',
        headers: { host: 'app.test', ...(origin ? { origin } : {}) },
      });
    expect(sameOrigin(post('http://app.test'))).toBe(true);
    expect(sameOrigin(post('https://evil.test'))).toBe(false);
    expect(sameOrigin(post())).toBe(false);
    expect(sameOrigin(new Request('http://app.test/api/v1/keys'))).toBe(true);
  });

  it('answers 403 to a foreign origin and 401 without a session', async () => {
    const foreign = await whoami(
      new Request('http://app.test/k', {
        method: 'POST',
        headers: { host: 'app.test', origin: 'https://evil.test' },
        body: '{}',
      }),
    );
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).code).toBe('foreign-origin');
    const anonymous = await whoami(
      new Request('http://app.test/k', {
        method: 'POST',
        headers: { host: 'app.test', origin: 'http://app.test' },
        body: '{}',
      }),
    );
    expect(anonymous.status).toBe(401);
  });
});
