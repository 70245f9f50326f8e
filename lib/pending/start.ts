/**
 * Starting a pending release: the same definitions as a release from one wallet (schema,
 * refusals, call), simulated through the one prepare path from a neutral source, so that every
 * signer — the starter included — authorises with their own entry and anyone can submit at the
 * end. Free of Next-only APIs: the dApp's action and the REST API both call it.
 */
import { escrowErrors } from '../escrow/errors';
import { milestoneReceiver } from '../escrow/types';
import type { ReleaseInput } from '../schemas/steps';
import { authAddress } from '../stellar/auth';
import { simulateAuthEntries } from '../stellar/prepare';
import { fail, ok, type Result } from '../stellar/result';
import { fieldErrors, loadStepContext, refusalOf, release, releaseMilestone, type StepRequest } from '../steps';
import { money } from '../steps/money';
import { payoutLines } from '../steps/payout';
import { unverifiedTokenWarning } from '../tokens';
import { appPendingStore } from './app';
import type { PendingStep } from './store';

/** How long other signers have to sign (ledgers; about an hour at 5 s a ledger). */
export const PENDING_LEDGERS = 720;

export type StartRequest = StepRequest<ReleaseInput> & { milestone: number | null };

/**
 * Starts a release for its signers to sign from their own wallets; `client` (who asked: a
 * connection or an API key) is charged while the starter has not signed.
 */
export async function startPending(req: StartRequest, client: string): Promise<Result<PendingStep>> {
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

  const sim = await simulateAuthEntries(ctx.network, def.call(ctx, parsed.data), {
    errors: escrowErrors(),
    tokens: new Set([ctx.escrow.config.token]),
  });
  if (!sim.ok) return sim;
  const entries = sim.data.auth.map((e) => ({ address: authAddress(e) ?? '', entry: e.toXdr('base64'), signed: null }));
  if (entries.some((e) => !e.address))
    return fail('unexpected', 'The simulation asked for an authorisation that is not an address’s');
  const gross = single ? ctx.escrow.config.amount : ctx.escrow.config.milestones[index]!.amount;
  const store = await appPendingStore();
  await store.prune(sim.data.latestLedger);
  const warning = unverifiedTokenWarning(ctx.token);
  const pending = await store.save(
    {
      escrowId: ctx.escrowId,
      starter: ctx.source,
      networkPassphrase: ctx.network.passphrase,
      func: sim.data.func,
      entries,
      validUntilLedger: sim.data.latestLedger + PENDING_LEDGERS,
      summary: [
        ...(warning ? [warning] : []),
        single
          ? `Release ${money(ctx, gross)} from escrow “${ctx.escrow.config.title}”.`
          : `Release milestone ${index + 1} (${money(ctx, gross)}) of “${ctx.escrow.config.title}”.`,
        ...payoutLines(ctx, gross, receiver),
        `Signed by ${signers.length} of ${ctx.escrow.config.roles.releasesRequired} required release signers.`,
      ],
    },
    client,
  );
  if ('refused' in pending) return fail('too-many-pending', pending.refused);
  return ok(pending);
}
