/**
 * The read endpoints: an address's escrows from the read model, one escrow's live chain state
 * with the read model's extras, its events, live balances, and the network's known tokens.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { fieldErrors } from '../../steps/run';
import { escrowFilterSchema } from '../../db/queries/filters';
import { listEscrows } from '../../db/queries/list-escrows';
import { CursorError } from '../../db/queries/page-cursor';
import { escrowTimeline } from '../../db/queries/timeline';
import { escrows } from '../../db/schema';
import { readEscrow } from '../../escrow/read';
import { verifyEscrowContract } from '../../escrow/verify';
import { getNetwork } from '../../networks/server';
import { ChainError, fail, ok, type Result } from '../../stellar/result';
import type { ApiContext } from '../route';
import { balancesQuery, idParam, listEscrowsQuery, type escrowListItem } from '../schemas';
import { loadEscrow } from '../../steps/load';
import { readBalance } from '../../stellar/rpc';

/** Query parameters as an object (a repeated parameter keeps its last value). */
function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

function badInput(error: z.ZodError) {
  return fail('invalid-input', 'Some fields need attention', fieldErrors(error));
}

/** GET /escrows: one keyset page of an address's escrows. */
export async function getEscrowList({ db, url }: ApiContext<unknown>): Promise<Result<unknown>> {
  const q = listEscrowsQuery.safeParse(queryOf(url));
  if (!q.success) return badInput(q.error);
  const network = await getNetwork();
  const filter = escrowFilterSchema.safeParse({
    network: network.name,
    address: q.data.address,
    roles: q.data.role,
    statuses: q.data.status,
    kinds: q.data.kind,
    tokens: q.data.token,
    createdFrom: q.data.created_after,
    createdTo: q.data.created_before,
    search: q.data.q || undefined,
  });
  if (!filter.success) {
    const errors = fieldErrors(filter.error);
    if (errors.createdTo) errors.created_before = errors.createdTo;
    delete errors.createdTo;
    return fail('invalid-input', 'Some fields need attention', errors);
  }
  try {
    const page = await listEscrows(db, filter.data, { limit: q.data.limit, cursor: q.data.cursor ?? null });
    const data: z.input<typeof escrowListItem>[] = page.rows.map((r) => ({
      id: r.contractId,
      kind: r.kind,
      title: r.title,
      engagement_id: r.engagementId,
      token: r.token,
      status: r.status,
      amount: r.amount.toString(),
      funded: r.funded.toString(),
      balance: r.balance.toString(),
      released: r.released.toString(),
      fees_paid: r.feesPaid.toString(),
      in_dispute: r.inDispute.toString(),
      created_ledger: r.createdLedger,
      created_at: r.createdAt.toISOString(),
      roles: r.roles,
    }));
    return ok({ data, next_cursor: page.nextCursor });
  } catch (e) {
    if (e instanceof CursorError) return fail('invalid-input', e.message, { cursor: [e.message] });
    throw e;
  }
}

/** GET /escrows/{id}: the chain's state (verified build) and what the read model adds. */
export async function getEscrow({ db, params }: ApiContext<{ id: string }>): Promise<Result<unknown>> {
  const p = idParam.safeParse(params);
  if (!p.success)
    return fail('bad-escrow-id', 'An escrow id is a contract address: C… with 56 characters', fieldErrors(p.error));
  const network = await getNetwork();
  let state;
  try {
    state = await readEscrow(network, p.data.id);
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    throw e;
  }
  const [row] = await db
    .select({ status: escrows.status, createdLedger: escrows.createdLedger, createdAt: escrows.createdAt })
    .from(escrows)
    .where(and(eq(escrows.network, network.name), eq(escrows.contractId, p.data.id)));
  return ok({
    id: p.data.id,
    state,
    indexed: row
      ? { status: row.status, created_ledger: row.createdLedger, created_at: row.createdAt.toISOString() }
      : null,
  });
}

/** GET /escrows/{id}/events: the escrow's timeline, oldest first. */
export async function getEscrowEvents({ db, params, url }: ApiContext<{ id: string }>): Promise<Result<unknown>> {
  const p = idParam.safeParse(params);
  if (!p.success)
    return fail('bad-escrow-id', 'An escrow id is a contract address: C… with 56 characters', fieldErrors(p.error));
  const cursor = url.searchParams.get('cursor');
  const limitRaw = url.searchParams.get('limit') ?? '100';
  const limit = Number(limitRaw);
  if (!/^\d{1,4}$/.test(limitRaw) || limit < 1 || limit > 1000)
    return fail('invalid-input', 'Some fields need attention', { limit: ['1 to 1000'] });
  const network = await getNetwork();
  try {
    const page = await escrowTimeline(db, network.name, p.data.id, { limit, cursor });
    // No events: an unknown id or a look-alike is a 404, like GET /escrows/{id}; a verified
    // escrow the indexer has not reached yet is an empty page.
    if (page.events.length === 0 && !(await isIndexed(db, network.name, p.data.id)))
      await verifyEscrowContract(network, p.data.id);
    return ok({
      data: page.events.map((e) => ({
        id: e.eventId,
        tx_hash: e.txHash,
        ledger: e.ledger,
        closed_at: e.closedAt.toISOString(),
        action: e.action,
        data: e.data,
      })),
      next_cursor: page.nextCursor,
    });
  } catch (e) {
    if (e instanceof CursorError) return fail('invalid-input', e.message, { cursor: [e.message] });
    if (e instanceof ChainError) return { ok: false, error: e.error };
    throw e;
  }
}

async function isIndexed(db: ApiContext<unknown>['db'], network: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: escrows.contractId })
    .from(escrows)
    .where(and(eq(escrows.network, network), eq(escrows.contractId, id)));
  return row !== undefined;
}

/** GET /tokens: the network's known tokens (anything else is shown as unverified). */
export async function getTokens(): Promise<Result<unknown>> {
  const network = await getNetwork();
  return ok({
    data: network.tokens.map((t) => ({
      id: t.contractId,
      code: t.code,
      issuer: t.issuer ?? null,
      decimals: t.decimals,
    })),
  });
}

/**
 * GET /balances?ids=C…,C…: what each escrow's contract holds now, read from the chain. Each id is
 * verified on its own (an unknown or look-alike contract gets its own error, the others still
 * answer); a duplicate id is answered once.
 */
export async function getBalances({ url }: ApiContext<unknown>): Promise<Result<unknown>> {
  const q = balancesQuery.safeParse(queryOf(url));
  if (!q.success) return badInput(q.error);
  const data = await Promise.all(
    [...new Set(q.data.ids)].map(async (id) => {
      const loaded = await loadEscrow(id);
      if (!loaded.ok) return { id, error: { code: loaded.error.code, message: loaded.error.message } };
      const { escrow, token } = loaded.data;
      try {
        const balance = await readBalance(loaded.network, escrow.config.token, id);
        return { id, token: escrow.config.token, balance: (balance ?? 0n).toString(), decimals: token.decimals };
      } catch (e) {
        if (e instanceof ChainError) return { id, error: { code: e.error.code, message: e.error.message } };
        throw e;
      }
    }),
  );
  return ok({ data });
}
