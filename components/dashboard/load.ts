/**
 * Everything the dashboard shows for one parsed URL, read from the read model: the page of
 * escrows, what needs the address's action, totals per token and, for a platform, its fee
 * income. Server only.
 */
import type { Database } from '@/lib/db/client';
import { platformFeeIncome, type MonthlyFeeIncome } from '@/lib/db/queries/fee-income';
import { listEscrows, type EscrowPage } from '@/lib/db/queries/list-escrows';
import type { EscrowFilter } from '@/lib/db/queries/filters';
import { totalsByToken, type TokenTotals } from '@/lib/db/queries/totals';
import { chainNow } from '@/lib/escrow/read';
import type { NetworkConfig } from '@/lib/networks/config';
import { logDetail } from '@/lib/log';
import { findNeedsAction, type NeedsAction } from './needs-action';
import { readTokens, type Tokens } from './money';

export interface DashboardData {
  page: EscrowPage;
  needs: NeedsAction;
  totals: TokenTotals[];
  /** The address's fee income as a platform; null when it is the platform of none of its escrows. */
  feeIncome: MonthlyFeeIncome[] | null;
  tokens: Tokens;
  /** False when the chain's clock could not be read and the server's was used (deadlines may be off by a little). */
  chainClock: boolean;
}

/** The chain's time, or this server's when the RPC does not answer. */
export async function dashboardNow(network: NetworkConfig): Promise<{ now: bigint; chainClock: boolean }> {
  try {
    return { now: await chainNow(network), chainClock: true };
  } catch (e) {
    logDetail('dashboard clock', e);
    return { now: BigInt(Math.floor(Date.now() / 1000)), chainClock: false };
  }
}

/** Throws a CursorError for a page link of another sort (the page says so). */
export async function loadDashboard(
  db: Database,
  network: NetworkConfig,
  filter: EscrowFilter,
  page: { sort: 'created' | 'amount'; order: 'asc' | 'desc'; cursor: string | null; before: string | null },
): Promise<DashboardData> {
  const [list, totals, asPlatform, clock] = await Promise.all([
    listEscrows(db, filter, { ...page, limit: 20 }),
    totalsByToken(db, filter),
    listEscrows(db, { network: filter.network, address: filter.address, roles: ['platform'] }, { limit: 1 }),
    dashboardNow(network),
  ]);
  const needs = await findNeedsAction(db, filter, clock.now, list.rows);
  const feeIncome = asPlatform.rows.length
    ? await platformFeeIncome(db, { network: filter.network, platform: filter.address })
    : null;
  const tokens = await readTokens(network, [
    ...list.rows.map((r) => r.token),
    ...needs.escrows.map((n) => n.row.token),
    ...totals.map((t) => t.token),
    ...(feeIncome ?? []).map((f) => f.token),
    ...(filter.tokens ?? []),
    ...network.tokens.map((t) => t.contractId),
  ]);
  return { page: list, needs, totals, feeIncome, tokens, chainClock: clock.chainClock };
}
