'use server';
import { Account, BASE_FEE, Keypair, rpc, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { escrowErrors } from '../escrow/errors';
import { appPendingStore } from '../pending/app';
import { clientKey, limitAction } from '../rate-limit';
import { unverifiedTokenWarning } from '../tokens';
import { logDetail } from '../log';
import type { ReleaseInput } from '../schemas/steps';
import { authAddress } from '../stellar/auth';
import { hostError } from '../stellar/errors';
import { fail, ok, type Result } from '../stellar/result';
import { rpcServer } from '../stellar/rpc';
import { fieldErrors, loadStepContext, refusalOf, release, releaseMilestone, type StepRequest } from '../steps';
import { money } from '../steps/money';
import { payoutLines } from '../steps/payout';
import { milestoneReceiver } from '../escrow/types';

/** How long other signers have to sign (ledgers; about an hour at 5 s a ledger). */
const PENDING_LEDGERS = 720;

/**
 * Starts a release whose signers sign from their own wallets. Simulated from a neutral source so
 * that every signer — the starter included — authorises with their own entry, and anyone can
 * submit at the end.
 */
export async function startPendingRelease(
  req: StepRequest<ReleaseInput> & { milestone: number | null },
): Promise<Result<{ id: string }>> {
  const limited = await limitAction(3);
  if (limited) return limited;
  // The same definitions as a release from one wallet: the same schema, refusals and call.
  const def = req?.milestone === null || req?.milestone === undefined ? release : releaseMilestone;
  const loaded = await loadStepContext(def, req);
  if (!loaded.ok) return loaded;
  const ctx = loaded.data;
  const parsed = def.schema(ctx).safeParse(req.input);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const signers = parsed.data.signers;
  const index = ctx.milestone;
  const single = index === null;
  const receiver = single ? ctx.escrow.config.roles.receiver : milestoneReceiver(ctx.escrow.config, index);
  // The starter must be one of the chosen signers, all of whom are release signers, and the
  // release possible now.
  const refusal = await refusalOf(def, ctx, parsed.data);
  if (refusal) return fail('refused', refusal);

  const op = def.call(ctx, parsed.data);
  const neutral = new Account(Keypair.random().publicKey(), '0');
  const tx = new TransactionBuilder(neutral, { fee: BASE_FEE, networkPassphrase: ctx.network.passphrase })
    .addOperation(op)
    .setTimeout(300)
    .build();
  let sim: rpc.Api.SimulateTransactionResponse;
  try {
    sim = await rpcServer(ctx.network).simulateTransaction(tx);
  } catch (e) {
    logDetail('simulating a pending release', e);
    return fail('rpc-unreachable', 'The network’s RPC did not answer; try again in a moment');
  }
  if (rpc.Api.isSimulationError(sim))
    return { ok: false, error: hostError(sim.error, sim.events, escrowErrors(), new Set([ctx.escrow.config.token])) };
  const entries = (sim.result?.auth ?? []).map((e) => ({
    address: authAddress(e) ?? '',
    entry: e.toXdr('base64'),
    signed: null,
  }));
  if (entries.some((e) => !e.address))
    return fail('unexpected', 'The simulation asked for an authorisation that is not an address’s');
  const gross = single ? ctx.escrow.config.amount : ctx.escrow.config.milestones[index]!.amount;
  const store = await appPendingStore();
  await store.prune(sim.latestLedger);
  const warning = unverifiedTokenWarning(ctx.token);
  const pending = await store.save(
    {
      escrowId: ctx.escrowId,
      starter: ctx.source,
      networkPassphrase: ctx.network.passphrase,
      func: (tx.operations[0] as { func: xdr.HostFunction }).func.toXdr('base64'),
      entries,
      validUntilLedger: sim.latestLedger + PENDING_LEDGERS,
      summary: [
        ...(warning ? [warning] : []),
        single
          ? `Release ${money(ctx, gross)} from escrow “${ctx.escrow.config.title}”.`
          : `Release milestone ${index + 1} (${money(ctx, gross)}) of “${ctx.escrow.config.title}”.`,
        ...payoutLines(ctx, gross, receiver),
        `Signed by ${signers.length} of ${ctx.escrow.config.roles.releasesRequired} required release signers.`,
      ],
    },
    await clientKey(),
  );
  if ('refused' in pending) return fail('too-many-pending', pending.refused);
  return ok({ id: pending.id });
}
