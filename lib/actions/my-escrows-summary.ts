'use server';
import { listEscrows } from '../db/queries/list-escrows';
import { totalsByToken } from '../db/queries/totals';
import { appReadModel } from '../indexer/server';
import { getNetwork } from '../networks/server';
import { limitAction } from '../rate-limit';
import { address } from '../schemas/fields';
import { unexpected } from '../log';
import { fail, ok, type Result } from '../stellar/result';
import { findNeedsAction } from '@/components/dashboard/needs-action';
import { dashboardNow } from '@/components/dashboard/load';
import { moneyText, readTokens } from '@/components/dashboard/money';
import { STATUS_LABELS } from '@/components/dashboard/labels';

export interface MyEscrowsSummary {
  /** Every escrow the address takes part in. */
  total: number;
  /** How many of them wait on it (of its newest 200, `complete` false when it has more). */
  needsAction: number;
  complete: boolean;
  newest: { id: string; title: string; status: string; amount: string; needsAction: boolean }[];
}

/** The home page's "your escrows": the few newest and how many need the address's action, from the read model. */
export async function myEscrowsSummary(req: { address: string }): Promise<Result<MyEscrowsSummary>> {
  const limited = await limitAction(1);
  if (limited) return limited;
  const who = address.safeParse(req?.address);
  if (!who.success) return fail('bad-address', who.error.issues[0]!.message);
  try {
    const network = await getNetwork();
    const { db } = await appReadModel();
    const filter = { network: network.name, address: who.data };
    const [newest, totals, clock] = await Promise.all([
      listEscrows(db, filter, { limit: 5 }),
      totalsByToken(db, filter),
      dashboardNow(network),
    ]);
    const needs = await findNeedsAction(db, filter, clock.now);
    const tokens = await readTokens(
      network,
      newest.rows.map((r) => r.token),
    );
    return ok({
      total: totals.reduce((n, t) => n + t.escrows, 0),
      needsAction: needs.escrows.length,
      complete: needs.complete,
      newest: newest.rows.map((r) => ({
        id: r.contractId,
        title: r.title,
        status: STATUS_LABELS[r.status],
        amount: moneyText(r.amount, tokens.get(r.token)),
        needsAction: Boolean(needs.byEscrow.get(r.contractId)?.length),
      })),
    });
  } catch (e) {
    return unexpected('your escrows', e);
  }
}
