/**
 * The follower against a real localnet: every step of a single- and a multi-release lifecycle
 * (update, funding, approval, release, dispute, resolution, withdrawal) is projected from events
 * and compared with `get_escrow`; a look-alike contract (same code, another hash) is ignored;
 * a replay writes nothing; a reconciliation reads the same state. Needs the localnet binary
 * (LOCALNET_BIN, or target/release/localnet under CARGO_TARGET_DIR); skipped without it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Asset, BASE_FEE, Keypair, Networks, Operation, rpc, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import { createEscrowOp, escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import type { EscrowConfig } from '@/lib/escrow/types';
import type { NetworkConfig } from '@/lib/networks/config';
import { testBackends } from '@/lib/db/testing';
import type { ReadModel } from '@/lib/db/client';
import { escrows, events } from '@/lib/db/schema';
import { startLocalnet, type LocalnetInstance } from '../../localnet/conformance/localnet-process';
import { syncAll } from './follower';
import { loadState } from './load-state';
import { reconcile } from './reconcile';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const BIN = process.env.LOCALNET_BIN ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'release/localnet');
const PASSPHRASE = Networks.STANDALONE;
const WASM = readFileSync('contracts/escrow/dist/escrow.wasm');
const WASM_HASH = createHash('sha256').update(WASM).digest('hex');

let ln: LocalnetInstance;
let network: NetworkConfig;
let server: rpc.Server;
const party = Keypair.random(); // every named role but the resolver: its own transactions authorise it
const resolver = Keypair.random();
const XLM = Asset.native().contractId(PASSPHRASE);

async function send(key: Keypair, op: xdr.Operation, soroban = true): Promise<void> {
  const account = await server.getAccount(key.publicKey());
  let tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: PASSPHRASE })
    .addOperation(op)
    .setTimeout(60)
    .build();
  if (soroban) tx = await server.prepareTransaction(tx);
  tx.sign(key);
  const sent = await server.sendTransaction(tx);
  const done = await server.pollTransaction(sent.hash, { attempts: 60 });
  if (done.status !== 'SUCCESS') throw new Error(`transaction ${sent.hash}: ${done.status}`);
}

async function deploy(config: EscrowConfig, wasmHash = WASM_HASH): Promise<string> {
  const { op, contractId } = createEscrowOp({
    deployer: party.publicKey(),
    wasmHash,
    config,
    salt: randomBytes(32),
    passphrase: PASSPHRASE,
  });
  await send(party, op);
  return contractId;
}

function config(over: Partial<EscrowConfig> = {}): EscrowConfig {
  const p = party.publicKey();
  return {
    kind: 'Single',
    engagementId: `ENG-${randomBytes(3).toString('hex')}`,
    title: 'Logo design',
    description: 'Two rounds',
    token: XLM,
    roles: {
      approvers: [p],
      approvalsRequired: 1,
      serviceProvider: p,
      releaseSigners: [p],
      releasesRequired: 1,
      disputeResolver: resolver.publicKey(),
      platform: p,
      receiver: p,
    },
    platformFeeBps: 300,
    protocolFee: { recipient: resolver.publicKey(), bps: 30 },
    amount: 50_000_000n,
    milestones: [{ description: 'Draft', amount: 0n, receiver: null }],
    deadline: null,
    ...over,
  };
}

const available = existsSync(BIN);

beforeAll(async () => {
  if (!available) return;
  ln = await startLocalnet({ timeoutMs: 30_000 });
  network = {
    name: 'local',
    label: 'Local',
    rpcUrl: ln.rpcUrl,
    passphrase: PASSPHRASE,
    friendbotUrl: null,
    localnetUrl: ln.baseUrl,
    explorerUrl: null,
    wasmHash: WASM_HASH,
    releasedWasmHashes: [WASM_HASH],
    protocolFee: { recipient: null, bps: 30 },
    tokens: [],
    walletConnectProjectId: null,
    trezorEmail: null,
  };
  server = new rpc.Server(ln.rpcUrl, { allowHttp: true });
  for (const k of [party, resolver]) await fetch(`${ln.baseUrl}/friendbot?addr=${k.publicKey()}`);
  await send(party, Operation.uploadContractWasm({ wasm: WASM }));
});

afterAll(async () => {
  await ln?.stop();
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
