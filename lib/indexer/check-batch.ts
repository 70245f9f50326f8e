/**
 * Checks a projected batch before anything is written, so bad input gets a sentence naming the
 * row rather than a constraint violation halfway through (the database checks shapes again).
 */
import { isAddress as isAddressOnce, isContractAddress as isContractOnce } from '@/lib/strkey';
import { ROLES } from '@/lib/db/vocabulary';
import type { IndexerCursor, ProjectedBatch } from './rows';

const I128_MAX = (1n << 127n) - 1n;
const EVENT_ID = /^[0-9]{19}-[0-9]{10}$/;
const HASH = /^[0-9a-f]{64}$/;
const NETWORK = /^[a-z0-9-]{1,32}$/;

export class BatchError extends Error {
  override name = 'BatchError';
}

function need(ok: boolean, message: string): void {
  if (!ok) throw new BatchError(message);
}

function amountOk(value: bigint): boolean {
  return typeof value === 'bigint' && value >= 0n && value <= I128_MAX;
}

/** `check` remembered per batch: a page names the same few addresses hundreds of times, and a checksum costs. */
function remembered(check: (s: string) => boolean): (s: string) => boolean {
  const seen = new Map<string, boolean>();
  return (s) => {
    let ok = seen.get(s);
    if (ok === undefined) seen.set(s, (ok = check(s)));
    return ok;
  };
}

/** Throws a BatchError describing the first problem in the batch, if any. */
export function checkBatch(network: string, batch: ProjectedBatch, cursor: IndexerCursor): void {
  const isAddress = remembered(isAddressOnce);
  const isContractAddress = remembered(isContractOnce);
  need(NETWORK.test(network), `network "${network}" is not a network name (a-z, 0-9, -)`);
  need(
    Number.isInteger(cursor.ledger) && cursor.ledger >= 0 && cursor.ledger <= 0xffffffff,
    `cursor ledger ${cursor.ledger} is not a ledger number`,
  );
  need(
    typeof cursor.cursor === 'string' && cursor.cursor.length <= 100,
    'cursor must be a string of at most 100 characters',
  );

  const seen = new Set<string>();
  for (const { escrow: e, milestones, memberships, funders } of batch.escrows) {
    const where = `escrow ${e.contractId}`;
    need(isContractAddress(e.contractId), `${where}: not a contract address`);
    need(!seen.has(e.contractId), `${where}: two snapshots in one batch`);
    seen.add(e.contractId);
    need(isContractAddress(e.token), `${where}: token ${e.token} is not a contract address`);
    need(
      isAddress(e.platform) && isAddress(e.protocolFeeRecipient),
      `${where}: platform or protocol fee recipient is not an address`,
    );
    need(EVENT_ID.test(e.lastEventId), `${where}: lastEventId ${e.lastEventId} is not an event id`);
    need(HASH.test(e.wasmHash), `${where}: wasm hash is not 64 hex digits`);
    for (const [name, value] of Object.entries(e)) {
      if (typeof value === 'bigint') need(amountOk(value), `${where}: ${name} ${value} is outside 0..i128`);
    }
    for (const m of milestones) {
      need(amountOk(m.amount), `${where}: milestone ${m.index} amount is outside 0..i128`);
      need(m.receiver == null || isAddress(m.receiver), `${where}: milestone ${m.index} receiver is not an address`);
    }
    for (const m of memberships) {
      need(isAddress(m.address), `${where}: member ${m.address} is not an address`);
      need((ROLES as readonly string[]).includes(m.role), `${where}: unknown role ${m.role}`);
    }
    for (const f of funders) {
      need(isAddress(f.address), `${where}: funder ${f.address} is not an address`);
      need(
        amountOk(f.contributed) && amountOk(f.refunded),
        `${where}: funder ${f.address} amounts are outside 0..i128`,
      );
    }
  }
  for (const ev of batch.events) {
    need(EVENT_ID.test(ev.eventId), `event ${ev.eventId}: not an event id`);
    need(isContractAddress(ev.contractId), `event ${ev.eventId}: contract ${ev.contractId} is not a contract address`);
    need(HASH.test(ev.txHash), `event ${ev.eventId}: tx hash is not 64 hex digits`);
  }
  const eventContract = new Map(batch.events.map((ev) => [ev.eventId, ev.contractId]));
  for (const p of batch.payouts) {
    need(EVENT_ID.test(p.eventId), `payout of ${p.eventId}: not an event id`);
    need(isContractAddress(p.contractId), `payout of ${p.eventId}: contract ${p.contractId} is not a contract address`);
    const owner = eventContract.get(p.eventId);
    need(
      owner === undefined || owner === p.contractId,
      `payout of ${p.eventId}: belongs to ${owner}, not ${p.contractId}`,
    );
    need(isAddress(p.to), `payout of ${p.eventId}: recipient ${p.to} is not an address`);
    for (const v of [p.gross, p.refund, p.protocolFee, p.platformFee, p.net]) {
      need(amountOk(v), `payout of ${p.eventId}: amount ${v} is outside 0..i128`);
    }
  }
}
