'use server';
/** Multi-signer releases across browsers: start, sign one's own entry, submit when complete. */
import { Account, BASE_FEE, Keypair, Operation, rpc, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { canRelease, canReleaseMilestone } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { escrowErrors } from '../escrow/errors';
import { getNetwork } from '../networks/server';
import { getPending, prunePending, savePending, setSigned, type PendingStep } from '../pending/store';
import { accountAddress, milestoneIndex } from '../schemas/fields';
import { releaseSchema, type ReleaseInput } from '../schemas/steps';
import { authAddress } from '../stellar/auth';
import { hostError } from '../stellar/errors';
import { fail, ok, type Result } from '../stellar/result';
import { rpcServer } from '../stellar/rpc';
import { feeRecipients, recipientsCanReceive } from './checks';
import { payoutLines, signersProblem } from './release-checks';
import { fieldErrors, finishPrepare, loadStepContext, money, type StepPrepared, type StepRequest } from './step';
import { milestoneReceiver } from '../escrow/types';

/** How long other signers have to sign (ledgers; about an hour at 5 s a ledger). */
const PENDING_LEDGERS = 720;

/**
 * Starts a release whose signers sign from their own wallets. Simulated from a neutral source so
 * that every signer — the starter included — authorises with their own entry, and anyone can
 * submit at the end.
 */
export async function startPendingRelease(req: StepRequest<ReleaseInput> & { milestone: number | null }): Promise<Result<{ id: string }>> {
  const loaded = await loadStepContext(req?.escrowId, req?.source);
  if (!loaded.ok) return loaded;
  const ctx = loaded.data;
  const parsed = releaseSchema.safeParse(req.input);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const signers = parsed.data.signers;
  const milestone = req.milestone === null ? null : milestoneIndex.safeParse(req.milestone);
  if (milestone && !milestone.success) return fail('bad-milestone', 'There is no such milestone');
  const index = milestone ? milestone.data : null;
  const single = index === null;
  const receiver = single ? ctx.escrow.config.roles.receiver : milestoneReceiver(ctx.escrow.config, index);
  const refusal =
    signersProblem(ctx, signers) ??
    (single ? canRelease(ctx.escrow) : canReleaseMilestone(ctx.escrow, index)) ??
    (await recipientsCanReceive(ctx, [receiver, ...feeRecipients(ctx)]));
  if (refusal) return fail('refused', refusal);

  const op = single ? escrowCalls.release(ctx.escrowId, signers) : escrowCalls.releaseMilestone(ctx.escrowId, index, signers);
  const neutral = new Account(Keypair.random().publicKey(), '0');
  const tx = new TransactionBuilder(neutral, { fee: BASE_FEE, networkPassphrase: ctx.network.passphrase }).addOperation(op).setTimeout(300).build();
  const sim = await rpcServer(ctx.network).simulateTransaction(tx);
  if (rpc.Api.isSimulationError(sim)) return { ok: false, error: hostError(sim.error, sim.events, escrowErrors(), new Set([ctx.escrow.config.token])) };
  const entries = (sim.result?.auth ?? []).map((e) => ({ address: authAddress(e) ?? '', entry: e.toXdr('base64'), signed: null }));
  if (entries.some((e) => !e.address)) return fail('unexpected', 'The simulation asked for an authorisation that is not an address’s');
  const gross = single ? ctx.escrow.config.amount : ctx.escrow.config.milestones[index]!.amount;
  prunePending(sim.latestLedger);
  const pending = savePending({
    escrowId: ctx.escrowId,
    networkPassphrase: ctx.network.passphrase,
    func: (tx.operations[0] as { func: xdr.HostFunction }).func.toXdr('base64'),
    entries,
    validUntilLedger: sim.latestLedger + PENDING_LEDGERS,
    summary: [
      single ? `Release ${money(ctx, gross)} from escrow “${ctx.escrow.config.title}”.` : `Release milestone ${index + 1} (${money(ctx, gross)}) of “${ctx.escrow.config.title}”.`,
      ...payoutLines(ctx, gross, receiver),
      `Signed by ${signers.length} of ${ctx.escrow.config.roles.releasesRequired} required release signers.`,
    ],
  });
  return ok({ id: pending.id });
}

/** What the pending page shows (public: it holds nothing secret). */
export async function readPending(req: { id: string }): Promise<Result<PendingStep>> {
  const p = typeof req?.id === 'string' ? getPending(req.id) : null;
  return p ? ok(p) : fail('not-found', 'This pending step does not exist or its signatures have expired; start the release again');
}

/** Stores one signer's signed entry. The final simulation enforces every signature. */
export async function addPendingSignature(req: { id: string; signed: string }): Promise<Result<PendingStep>> {
  const p = typeof req?.id === 'string' ? getPending(req.id) : null;
  if (!p) return fail('not-found', 'This pending step does not exist or its signatures have expired');
  let entry: xdr.SorobanAuthorizationEntry;
  try {
    entry = xdr.SorobanAuthorizationEntry.fromXdr(req.signed, 'base64');
  } catch {
    return fail('bad-xdr', 'The signed authorisation could not be read');
  }
  const address = authAddress(entry);
  const slot = p.entries.find((e) => e.address === address);
  if (!address || !slot) return fail('not-a-signer', 'This signature is not one this release asks for');
  // Only the signature may differ from what was asked.
  const asked = xdr.SorobanAuthorizationEntry.fromXdr(slot.entry, 'base64');
  if (asked.rootInvocation.toXdr('base64') !== entry.rootInvocation.toXdr('base64'))
    return fail('not-prepared', 'The signed authorisation is for something else than this release');
  return ok(setSigned(p.id, address, req.signed)!);
}

/** When every signer has signed: a transaction from `source` carrying all the entries, to sign and submit. */
export async function preparePendingSubmit(req: { id: string; source: string }): Promise<Result<StepPrepared>> {
  const p = typeof req?.id === 'string' ? getPending(req.id) : null;
  if (!p) return fail('not-found', 'This pending step does not exist or its signatures have expired');
  const src = accountAddress.safeParse(req.source);
  if (!src.success) return fail('no-wallet', src.error.issues[0]!.message);
  const missing = p.entries.filter((e) => !e.signed).map((e) => e.address);
  if (missing.length) return fail('needs-signers', `Still waiting for ${missing.join(', ')}`);
  const network = await getNetwork();
  const op = Operation.invokeHostFunction({
    func: xdr.HostFunction.fromXdr(p.func, 'base64'),
    auth: p.entries.map((e) => xdr.SorobanAuthorizationEntry.fromXdr(e.signed!, 'base64')),
  });
  const prepared = await finishPrepare(network, src.data, op, p.summary, p.escrowId, new Set());
  return prepared;
}
