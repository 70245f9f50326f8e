/**
 * A platform's server driving a whole single-release escrow through the OpenEscrow API with the
 * typed client, signing each step with the acting role's own keypair: create → fund → mark the
 * milestone → approve → release, each one prepare → sign → POST /transactions. Then it reads the
 * escrow back (balance, the read model's list, the events). e2e/23-api-lifecycle.spec.ts runs this
 * file, so it cannot rot.
 *
 *   OPENESCROW_URL=http://127.0.0.1:3000 OPENESCROW_KEY=oek_… TOKEN=C… \
 *   PLATFORM_SECRET=S… FUNDER_SECRET=S… PROVIDER_SECRET=S… APPROVER_SECRET=S… SIGNER_SECRET=S… \
 *   RECEIVER=G… npx tsx examples/api-lifecycle.ts
 *
 * The key needs the read, prepare and submit scopes; every account must exist, the funder must
 * hold the token and the receiver and platform must trust it.
 */
import { Keypair, TransactionBuilder } from '@stellar/stellar-sdk';
import { createOpenEscrowClient, type Prepared, type Problem } from '../lib/client';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`Set ${name}`);
  return v;
}

const api = createOpenEscrowClient({ baseUrl: env('OPENESCROW_URL'), apiKey: env('OPENESCROW_KEY') });
const token = env('TOKEN');
const platform = Keypair.fromSecret(env('PLATFORM_SECRET'));
const funder = Keypair.fromSecret(env('FUNDER_SECRET'));
const provider = Keypair.fromSecret(env('PROVIDER_SECRET'));
const approver = Keypair.fromSecret(env('APPROVER_SECRET'));
const signer = Keypair.fromSecret(env('SIGNER_SECRET'));
const receiver = env('RECEIVER');

/** The answer's data, or a thrown error naming the problem's stable code. */
function must<T>(step: string, answer: { data?: T; error?: unknown }): T {
  if (answer.data === undefined) {
    const p = answer.error as Problem;
    throw new Error(`${step}: ${p.code} — ${p.detail}`);
  }
  return answer.data;
}

/** Signs a prepared transaction with the source's key and submits it; waits until it is final. */
async function signAndSubmit(step: string, prepared: Prepared, key: Keypair) {
  const tx = TransactionBuilder.fromXDR(prepared.xdr, prepared.network_passphrase);
  tx.sign(key);
  const outcome = must(
    `${step} (submit)`,
    await api.POST('/transactions', { body: { signed_xdr: tx.toXDR(), ticket: prepared.ticket } }),
  );
  console.log(`${step}: ${prepared.summary.join(' ')} → ledger ${outcome.ledger}, ${outcome.hash}`);
  return outcome;
}

async function main() {
  const created = must(
    'create',
    await api.POST('/escrows', {
      body: {
        source: platform.publicKey(),
        input: {
          kind: 'Single',
          title: 'Logo design',
          engagementId: `ORDER-${Date.now()}`,
          description: 'Three logo drafts and the final files',
          token,
          amount: '25',
          milestones: [{ description: 'Final files delivered', amount: '', receiver: '' }],
          approvers: [{ address: approver.publicKey() }],
          approvalsRequired: 1,
          serviceProvider: provider.publicKey(),
          releaseSigners: [{ address: signer.publicKey() }],
          releasesRequired: 1,
          disputeResolver: platform.publicKey(),
          platform: platform.publicKey(),
          receiver,
          platformFeePercent: '2',
          deadline: '',
        },
      },
    }),
  );
  const id = created.escrow_id;
  await signAndSubmit('create', created, platform);
  const path = { id };
  const milestone = { id, index: 0 };

  const fund = must(
    'fund',
    await api.POST('/escrows/{id}/fund', {
      params: { path },
      body: { source: funder.publicKey(), input: { amount: '25', termsVersion: 1 } },
    }),
  );
  await signAndSubmit('fund', fund, funder);

  const status = must(
    'status',
    await api.POST('/escrows/{id}/milestones/{index}/status', {
      params: { path: milestone },
      body: { source: provider.publicKey(), input: { status: 'Delivered', evidence: 'https://example.org/files' } },
    }),
  );
  await signAndSubmit('status', status, provider);

  const approve = must(
    'approve',
    await api.POST('/escrows/{id}/milestones/{index}/approve', {
      params: { path: milestone },
      body: { source: approver.publicKey(), input: {} },
    }),
  );
  await signAndSubmit('approve', approve, approver);

  const release = must(
    'release',
    await api.POST('/escrows/{id}/release', {
      params: { path },
      body: { source: signer.publicKey(), input: { signers: [signer.publicKey()] } },
    }),
  );
  await signAndSubmit('release', release, signer);

  // Read it back: the chain's balance, the read model's list for the receiver, the events.
  const balances = must('balances', await api.GET('/balances', { params: { query: { ids: id } } }));
  const listed = must(
    'list',
    await api.GET('/escrows', { params: { query: { address: receiver, role: 'receiver' } } }),
  );
  const events = must('events', await api.GET('/escrows/{id}/events', { params: { path } }));
  const result = {
    escrow_id: id,
    balance: balances.data[0],
    listed: listed.data.find((e) => e.id === id) ?? null,
    events: events.data.map((e) => e.action),
  };
  console.log(JSON.stringify(result));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
