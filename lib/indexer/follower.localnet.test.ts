/**
 * The follower against a real localnet: every step of a single- and a multi-release lifecycle
 * (update, funding, approval, release, dispute, resolution, withdrawal) is projected from events
 * and compared with `get_escrow`; a look-alike contract (same code, another hash) is ignored;
 * a replay writes nothing; a reconciliation reads the same state. Needs the localnet binary
 * (LOCALNET_BIN, or target/release/localnet under CARGO_TARGET_DIR); skipped without it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Keypair, Operation } from '@stellar/stellar-sdk';
import { escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import type { EscrowConfig } from '@/lib/escrow/types';
import type { NetworkConfig } from '@/lib/networks/config';
import { testBackends } from '@/lib/db/testing';
import type { ReadModel } from '@/lib/db/client';
import { escrows, events } from '@/lib/db/schema';
import { localnetAvailable as available, startKit, WASM, type Kit } from './localnet-kit';
import { syncAll } from './follower';
import { loadState } from './load-state';
import { reconcile } from './reconcile';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let kit: Kit;
let network: NetworkConfig;
let party: Keypair;
let resolver: Keypair;
const send = (key: Keypair, op: Parameters<Kit['send']>[1]) => kit.send(key, op);
const deploy = (c: EscrowConfig, hash?: string) => kit.deploy(c, hash);
const config = (over?: Partial<EscrowConfig>) => kit.config(over);

beforeAll(async () => {
  if (!available) return;
  kit = await startKit();
  ({ network, party, resolver } = kit);
});

afterAll(async () => {
  await kit?.localnet.stop();
});

describe.skipIf(!available).each(testBackends())('the follower on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(async () => {
    await rm?.close();
  });

  /** Syncs, then the projected escrow must equal get_escrow. */
  async function same(id: string) {
    await syncAll(rm, network);
    const stored = await loadState(rm.db, 'local', id);
    expect(stored, `escrow ${id} not in the read model`).not.toBeNull();
    expect(stored!.escrow).toEqual(await readEscrow(network, id));
  }

  it('projects every step of a single-release lifecycle, with an update, exactly as get_escrow', async () => {
    const id = await deploy(config());
    await same(id);
    await send(party, escrowCalls.update(id, config({ title: 'Logo, revised', amount: 40_000_000n })));
    await same(id);
    await send(party, escrowCalls.fund(id, party.publicKey(), 40_000_000n, 2));
    await same(id);
    await send(party, escrowCalls.setMilestoneStatus(id, 0, 'done', 'https://example.com/logo'));
    await same(id);
    await send(party, escrowCalls.approveMilestone(id, 0, party.publicKey()));
    await same(id);
    await send(party, escrowCalls.release(id, [party.publicKey()]));
    await same(id);
    const [row] = await rm.db.select().from(escrows);
    expect(row).toMatchObject({ status: 'released', released: 40_000_000n, platformFeesPaid: 1_200_000n });
  });

  it('projects a multi-release escrow with a dispute, a resolution and a withdrawal', async () => {
    const p = party.publicKey();
    const id = await deploy(
      config({
        kind: 'Multi',
        amount: 0n,
        milestones: [
          { description: 'A', amount: 10_000_000n, receiver: null },
          { description: 'B', amount: 20_000_000n, receiver: resolver.publicKey() },
        ],
      }),
    );
    await send(party, escrowCalls.fund(id, p, 35_000_000n, 1)); // 5 XLM more than missing: sent back
    await same(id);
    await send(party, escrowCalls.setMilestoneStatus(id, 0, 'done', null));
    await send(party, escrowCalls.approveMilestone(id, 0, p));
    await send(party, escrowCalls.releaseMilestone(id, 0, [p]));
    await same(id);
    await send(party, escrowCalls.disputeMilestone(id, 1, p, 'late'));
    await same(id);
    await send(resolver, escrowCalls.resolveMilestone(id, 1, [[p, 15_000_000n]]));
    await same(id);
    await send(resolver, escrowCalls.withdrawRemaining(id, [[resolver.publicKey(), 5_000_000n]]));
    await same(id);
  });

  it('ignores a look-alike contract that emits the same events', async () => {
    const lookalike = Buffer.concat([WASM, Buffer.from([0, 11, 9]), Buffer.from('lookalike!')]);
    const hash = createHash('sha256').update(lookalike).digest('hex');
    await send(party, Operation.uploadContractWasm({ wasm: lookalike }));
    const id = await deploy(config(), hash);
    await send(party, escrowCalls.fund(id, party.publicKey(), 1_000_000n, 1));
    await syncAll(rm, network);
    expect(await loadState(rm.db, 'local', id)).toBeNull();
  });

  it('writes nothing on a replay, and reconciliation from contract state agrees with the projection', async () => {
    const before = (await rm.db.select().from(events)).length;
    const again = await syncAll(rm, network);
    expect(again.events).toBe(0);
    expect((await rm.db.select().from(events)).length).toBe(before);
    const ids = (await rm.db.select({ id: escrows.contractId }).from(escrows)).map((r) => r.id);
    const projected = await Promise.all(ids.map((id) => loadState(rm.db, 'local', id)));
    const { reconciled, refused } = await reconcile(rm, network);
    expect(refused).toEqual([]);
    expect(reconciled).toBe(ids.length);
    for (const [i, id] of ids.entries()) {
      const now = await loadState(rm.db, 'local', id);
      expect(now!.escrow).toEqual(projected[i]!.escrow);
      expect(now!.funders).toEqual(projected[i]!.funders);
    }
  });
});
