/**
 * A 2-of-2 pending release driven over HTTP against a real localnet, as a platform's server
 * would: start it, each signer signs only their own entry with their own key, prepare the
 * submit, sign it, POST /transactions; the escrow is released. Needs the localnet binary
 * (LOCALNET_BIN, or target/release/localnet under CARGO_TARGET_DIR); skipped without it.
 */
import { authorizeEntry, Keypair, Transaction, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReadModel, type ReadModel } from '../db/client';
import { escrowCalls } from '../escrow/calls';
import { readEscrow } from '../escrow/read';
import { localnetAvailable, PASSPHRASE, startKit, type Kit } from '../indexer/localnet-kit';
import { setApiDatabase } from './db';
import { getPendingRelease, postPendingRelease, postPendingSignature, postPendingSubmit } from './endpoints/pending';
import { postTransaction } from './endpoints/transactions';
import { createKey, type Scope } from './keys';
import { apiRoute, type ApiHandler } from './route';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let kit: Kit;
let rm: ReadModel;
let key = '';
const alice = Keypair.random();
const lawyer = Keypair.random();

async function call<P>(scope: Scope, handler: ApiHandler<P>, params: P, body?: unknown) {
  const route = apiRoute<P>(scope, handler);
  const res = await route(
    new Request('http://127.0.0.1/api/v1/x', {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json;
}

beforeAll(async () => {
  if (!localnetAvailable) return;
  kit = await startKit();
  // The app's network configuration, pointed at this localnet (read on first use).
  Object.assign(process.env, {
    OPENESCROW_NETWORK: 'local',
    OPENESCROW_RPC_URL: kit.network.rpcUrl,
    OPENESCROW_LOCALNET_URL: kit.localnet.baseUrl,
    OPENESCROW_DEPLOYMENT_FILE: '/nonexistent/deployment.json',
  });
  // The host checks an account's signature against its ledger entry: the signers must exist.
  for (const k of [alice, lawyer]) {
    const res = await fetch(`${kit.localnet.baseUrl}/friendbot?addr=${k.publicKey()}`);
    if (!res.ok) throw new Error(`friendbot: ${await res.text()}`);
  }
  rm = await openReadModel({ url: '', dataDir: 'memory://' });
  setApiDatabase(rm.db);
  key = (await createKey(rm.db, kit.party.publicKey(), { name: 'platform', scopes: ['read', 'prepare', 'submit'] }))!
    .key;
});
afterAll(async () => {
  setApiDatabase(null);
  await rm?.close();
  await kit?.localnet.stop();
});

describe.skipIf(!localnetAvailable)('a pending release over HTTP on localnet', () => {
  it('starts, collects both signers’ entries, prepares the submit and lands', async () => {
    const p = kit.party.publicKey();
    const base = kit.config();
    const id = await kit.deploy(
      kit.config({
        roles: { ...base.roles, releaseSigners: [alice.publicKey(), lawyer.publicKey()], releasesRequired: 2 },
      }),
    );
    await kit.send(kit.party, escrowCalls.fund(id, p, 50_000_000n, 1));
    await kit.send(kit.party, escrowCalls.setMilestoneStatus(id, 0, 'done', null));
    await kit.send(kit.party, escrowCalls.approveMilestone(id, 0, p));

    const started = await call(
      'prepare',
      postPendingRelease,
      { id },
      { source: alice.publicKey(), input: { signers: [alice.publicKey(), lawyer.publicKey()] } },
    );
    expect(started.entries.map((e: { address: string }) => e.address).sort()).toEqual(
      [alice.publicKey(), lawyer.publicKey()].sort(),
    );
    for (const signer of [lawyer, alice]) {
      const asked = started.entries.find((e: { address: string }) => e.address === signer.publicKey()).entry;
      const signed = await authorizeEntry(
        xdr.SorobanAuthorizationEntry.fromXDR(asked, 'base64'),
        signer,
        started.valid_until_ledger,
        PASSPHRASE,
      );
      await call('prepare', postPendingSignature, { pendingId: started.id }, { signed: signed.toXDR('base64') });
    }
    expect(await call('read', getPendingRelease, { pendingId: started.id })).toMatchObject({ complete: true });

    // Anyone submits: here the platform's own account.
    const prepared = await call('prepare', postPendingSubmit, { pendingId: started.id }, { source: p });
    const tx = TransactionBuilder.fromXDR(prepared.xdr, PASSPHRASE) as Transaction;
    tx.sign(kit.party);
    const submitted = await call('submit', postTransaction, {}, { signed_xdr: tx.toXDR(), ticket: prepared.ticket });
    expect(submitted.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await readEscrow(kit.network, id)).released).toBe(true);
  });
});
