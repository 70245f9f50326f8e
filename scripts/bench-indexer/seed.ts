/**
 * Seeds a read model with `count` made-up escrows for the benchmark: realistic shapes (every
 * role, 1–3 approvers and milestones, 1–2 release signers and funders, a third multi-release,
 * statuses from funding to refunding, payouts with fees), drawn from a pool of many addresses.
 * The rows are generated inside the database (from two pool tables), which takes seconds where
 * sending them one by one would take minutes.
 *
 * Who is busy: dispute resolver 0 sits on every tenth escrow (10,000 of 100,000); platform 0 on
 * every twentieth. Who is quiet: the 100,000 other accounts, a few roles each.
 */
import { randomBytes } from 'node:crypto';
import { StrKey } from '@stellar/stellar-sdk';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { queryRows } from '@/lib/db/client';
import { sampleHash } from '@/lib/db/sample';

export interface Pools {
  accounts: string[];
  resolvers: string[];
  platforms: string[];
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/** Fills the pools and the read model; returns the pools so the bench can pick addresses. */
export async function seed(db: Database, count: number, network = 'local'): Promise<Pools> {
  const accounts = Array.from({ length: 100_000 }, () => StrKey.encodeEd25519PublicKey(randomBytes(32)));
  const resolvers = Array.from({ length: 10 }, () => StrKey.encodeEd25519PublicKey(randomBytes(32)));
  const platforms = Array.from({ length: 20 }, () => StrKey.encodeEd25519PublicKey(randomBytes(32)));
  const tokens = Array.from({ length: 5 }, () => StrKey.encodeContract(randomBytes(32)));
  const contracts = Array.from({ length: count }, () => StrKey.encodeContract(randomBytes(32)));

  await db.execute(sql`create temporary table pool (kind text, i int, address text, primary key (kind, i))`);
  const fill = async (kind: string, list: string[]) => {
    for (let start = 0; start < list.length; start += 20_000) {
      const part = list.slice(start, start + 20_000).map((address, j) => ({ i: start + j, address }));
      await db.execute(
        sql`insert into pool select ${kind}, i, address from json_to_recordset(${json(part)}::json) as x(i int, address text)`,
      );
    }
  };
  await fill('account', accounts);
  await fill('resolver', resolvers);
  await fill('platform', platforms);
  await fill('token', tokens);
  await fill('contract', contracts);

  // h(k): a stable pseudo-random number ≥ 0 per escrow (row `t`'s i) and draw k.
  const h = (k: number, t = 'g') => sql.raw(`abs(hashint4(${t}.i * 16 + ${k}))`);
  const pick = (kind: string, k: number, size: number) =>
    sql`(select address from pool where kind = ${kind} and i = ${h(k, 's')} % ${sql.raw(String(size))})`;
  const base = Date.UTC(2025, 0, 1) / 1000;

  // One row per escrow with its shape decided up front, then everything else derives from it.
  await db.execute(sql`create temporary table shape as
    select g.i,
      (select address from pool where kind = 'contract' and i = g.i) as contract_id,
      case when g.i % 3 = 0 then 'multi' else 'single' end as kind,
      (select address from pool where kind = 'token' and i = ${h(1)} % 5) as token,
      (select address from pool where kind = 'platform' and i = g.i % 20) as platform,
      (select address from pool where kind = 'resolver' and i = g.i % 10) as resolver,
      ((${h(2)} % 5000) + 1)::numeric * 10000000 as amount,
      1 + ${h(3)} % 3 as approvers, 1 + ${h(4)} % 3 as milestone_count,
      1 + ${h(5)} % 2 as signers, 1 + ${h(6)} % 2 as funder_count,
      (array['funding','funding','in_progress','in_progress','in_progress','disputed','released','released','resolved','refunding'])[1 + ${h(7)} % 10] as status,
      1000 + g.i * 10 as ledger
    from generate_series(0, ${count - 1}) as g(i)`);

  await db.execute(sql`insert into escrows
    select ${network}, s.contract_id, s.kind, 'ENG-' || s.i,
      (array['Logo design','Website build','Audit','Translation','Grant round','Deposit','OTC trade','Mobile app'])[1 + s.i % 8] || ' #' || s.i,
      '', s.token, s.platform, 1, 1, 100, 30, s.platform, null, '{}'::jsonb,
      s.amount,
      case s.status when 'funding' then s.amount / 2 else s.amount end,
      case when s.status in ('released','resolved') then s.amount else 0 end,
      case when s.status = 'refunding' then s.amount else 0 end,
      case when s.status in ('funding') then s.amount / 2 when s.status in ('in_progress','disputed') then s.amount else 0 end,
      case when s.status = 'released' then s.amount else 0 end,
      case when s.status in ('released','resolved') then s.amount / 100 else 0 end,
      case when s.status in ('released','resolved') then s.amount * 3 / 1000 else 0 end,
      case when s.status = 'disputed' then s.amount else 0 end,
      s.status = 'disputed', '', s.status = 'released', s.status = 'resolved', s.status = 'refunding', s.status,
      ${sampleHash(7)}, s.ledger, to_timestamp(${base} + s.ledger * 5),
      lpad((s.ledger::bigint << 32)::text, 19, '0') || '-0000000000'
    from shape s`);

  await db.execute(sql`insert into milestones
    select ${network}, s.contract_id, m.n, 'Milestone ' || m.n,
      case when s.kind = 'multi' then s.amount / s.milestone_count else 0 end, null, '', '', '{}', false, false, '', false, false
    from shape s, generate_series(0, 2) as m(n) where m.n < s.milestone_count`);

  // Address × role pairs first, then one membership per address × escrow with its roles.
  await db.execute(sql`create temporary table pairs (contract_id text, address text, role text)`);
  const pair = (role: string, address: ReturnType<typeof sql>, where = sql`true`) =>
    db.execute(sql`insert into pairs select s.contract_id, ${address}, ${role} from shape s where ${where}`);
  await pair('platform', sql`s.platform`);
  await pair('dispute_resolver', sql`s.resolver`);
  await pair('receiver', pick('account', 8, accounts.length));
  await pair('service_provider', pick('account', 9, accounts.length));
  for (let k = 0; k < 3; k++) await pair('approver', pick('account', 10 + k, accounts.length), sql`s.approvers > ${k}`);
  for (let k = 0; k < 2; k++)
    await pair('release_signer', pick('account', 13 + k, accounts.length), sql`s.signers > ${k}`);
  for (let k = 0; k < 2; k++) {
    await db.execute(sql`insert into funders select ${network}, s.contract_id, a.address, s.amount / s.funder_count, 0
      from shape s cross join lateral (select ${pick('account', 15 + k, accounts.length)} as address) as a
      where s.funder_count > ${k} and s.status <> 'funding' on conflict do nothing`);
  }
  await db.execute(sql`insert into pairs select contract_id, address, 'funder' from funders`);
  await db.execute(sql`insert into memberships
    select ${network}, p.address, p.contract_id, array_agg(distinct p.role order by p.role),
      e.kind, e.token, e.status, e.amount, e.created_ledger, e.created_at,
      e.balance, e.released_amount, e.platform_fees_paid + e.protocol_fees_paid, e.in_dispute
    from pairs p join escrows e on e.network = ${network} and e.contract_id = p.contract_id
    group by p.address, p.contract_id, e.network, e.contract_id`);
  await db.execute(sql`drop table pairs`);

  await db.execute(sql`insert into events
    select ${network}, lpad((s.ledger::bigint << 32)::text, 19, '0') || '-0000000000', s.contract_id,
      ${sampleHash(1)}, s.ledger, to_timestamp(${base} + s.ledger * 5), 'created', '{}'::jsonb
    from shape s`);
  await db.execute(sql`insert into events
    select ${network}, lpad(((s.ledger + 5)::bigint << 32)::text, 19, '0') || '-0000000000', s.contract_id,
      ${sampleHash(2)}, s.ledger + 5, to_timestamp(${base} + (s.ledger + 5) * 5), 'released', '{}'::jsonb
    from shape s where s.status = 'released'`);
  await db.execute(sql`insert into payouts
    select e.network, e.event_id, 0, e.contract_id, ${accounts[0]!}, s.amount, 0, s.amount * 3 / 1000, s.amount / 100,
      s.amount - s.amount * 3 / 1000 - s.amount / 100, e.closed_at
    from events e join shape s on s.contract_id = e.contract_id where e.action = 'released'`);
  await db.execute(sql`drop table shape`);
  await db.execute(sql`drop table pool`);
  // As autovacuum would have by now: statistics, and the visibility map for index-only scans.
  await db.execute(sql`vacuum analyze`);

  const [counts] = await queryRows<{ escrows: number; memberships: number }>(
    db,
    sql`select (select count(*) from escrows)::int as escrows, (select count(*) from memberships)::int as memberships`,
  );
  if (counts?.escrows !== count) throw new Error(`seeded ${counts?.escrows} escrows, expected ${count}`);
  return { accounts, resolvers, platforms };
}
