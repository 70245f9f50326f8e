/**
 * The follower benchmark's chain: N escrow lifecycles on localnet (deploy, fund, status,
 * approval, release: 5 events each), made once by several submitters in parallel and kept under
 * `.cache/bench-indexer/` (localnet's data dir plus the keys that made it), so the next run starts
 * a localnet on a copy of it at once. Delete the folder to make it again.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { BASE_FEE, Keypair, Operation, rpc, TransactionBuilder, type xdr } from '@stellar/stellar-sdk';
import { createEscrowOp, escrowCalls } from '@/lib/escrow/calls';
import { PASSPHRASE, startKit, WASM, WASM_HASH, type Kit } from '@/lib/indexer/localnet-kit';

/** Accounts submitting at once: localnet applies one transaction at a time, the rest (simulation, signing, HTTP) overlaps. */
const SUBMITTERS = 8;

export interface History {
  kit: Kit;
  lifecycles: number;
  /** Seconds it took to make the chain, or null when it came from the cache. */
  madeIn: number | null;
  /** Stops localnet and deletes its copy of the chain. */
  close(): Promise<void>;
}

interface Meta {
  lifecycles: number;
  wasmHash: string;
  party: string;
  resolver: string;
}

/** Sends operations from one account, counting its sequence number here instead of asking for it each time. */
async function submitter(server: rpc.Server, key: Keypair) {
  const account = await server.getAccount(key.publicKey());
  return async (op: xdr.Operation): Promise<void> => {
    const built = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: PASSPHRASE })
      .addOperation(op)
      .setTimeout(60)
      .build();
    const tx = await server.prepareTransaction(built);
    tx.sign(key);
    const sent = await server.sendTransaction(tx);
    if (sent.status !== 'PENDING') throw new Error(`transaction ${sent.hash}: ${sent.status}`);
    // localnet closes the ledger before it answers, so the first poll finds it.
    const done = await server.pollTransaction(sent.hash, { attempts: 30 });
    if (done.status !== 'SUCCESS') throw new Error(`transaction ${sent.hash}: ${done.status}`);
  };
}

/** One account's lifecycles: it holds every role but the dispute resolver, so its own signature authorises each step. */
async function runLifecycles(kit: Kit, key: Keypair, count: number): Promise<void> {
  const send = await submitter(kit.server, key);
  const me = key.publicKey();
  for (let n = 0; n < count; n++) {
    const config = kit.config({
      roles: {
        ...kit.config().roles,
        approvers: [me],
        serviceProvider: me,
        releaseSigners: [me],
        platform: me,
        receiver: me,
      },
    });
    const { op, contractId: id } = createEscrowOp({
      deployer: me,
      wasmHash: WASM_HASH,
      config,
      salt: randomBytes(32),
      passphrase: PASSPHRASE,
    });
    await send(op);
    await send(escrowCalls.fund(id, me, config.amount, 1));
    await send(escrowCalls.setMilestoneStatus(id, 0, 'done', null));
    await send(escrowCalls.approveMilestone(id, 0, me));
    await send(escrowCalls.release(id, [me]));
  }
}

async function make(lifecycles: number, cacheDir: string): Promise<number> {
  const t0 = performance.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openescrow-bench-chain-'));
  const kit = await startKit([], { dataDir, party: Keypair.random(), resolver: Keypair.random() }).catch((e) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  try {
    await kit.fund(kit.party.publicKey());
    await kit.fund(kit.resolver.publicKey());
    await kit.send(kit.party, Operation.uploadContractWasm({ wasm: WASM }));
    const keys = Array.from({ length: SUBMITTERS }, () => Keypair.random());
    for (const k of keys) await kit.fund(k.publicKey());
    await Promise.all(
      keys.map((k, i) =>
        runLifecycles(kit, k, Math.floor(lifecycles / SUBMITTERS) + (i < lifecycles % SUBMITTERS ? 1 : 0)),
      ),
    );
  } finally {
    await kit.localnet.stop();
  }
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(path.dirname(cacheDir), { recursive: true });
  cpSync(dataDir, path.join(cacheDir, 'chain'), { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  const meta: Meta = { lifecycles, wasmHash: WASM_HASH, party: kit.party.secret(), resolver: kit.resolver.secret() };
  // Written last: a run stopped halfway leaves no meta.json, and the next run makes the chain again.
  writeFileSync(path.join(cacheDir, 'meta.json'), JSON.stringify(meta, null, 2));
  return (performance.now() - t0) / 1000;
}

/** Starts localnet on a copy of the cached chain, so that what the benchmark submits never enters the cache. */
async function startCopy(cacheDir: string): Promise<{ kit: Kit; dataDir: string }> {
  const meta = JSON.parse(readFileSync(path.join(cacheDir, 'meta.json'), 'utf8')) as Meta;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openescrow-bench-chain-'));
  cpSync(path.join(cacheDir, 'chain'), dataDir, { recursive: true });
  try {
    const kit = await startKit([], {
      dataDir,
      party: Keypair.fromSecret(meta.party),
      resolver: Keypair.fromSecret(meta.resolver),
    });
    return { kit, dataDir };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** A localnet holding `lifecycles` finished lifecycles, from the cache when it has them (made first otherwise). */
export async function openHistory(lifecycles: number): Promise<History> {
  const cacheDir = path.join('.cache/bench-indexer', `${WASM_HASH.slice(0, 12)}-${lifecycles}`);
  let madeIn = existsSync(path.join(cacheDir, 'meta.json')) ? null : await make(lifecycles, cacheDir);
  let started;
  try {
    started = await startCopy(cacheDir);
  } catch (e) {
    if (madeIn !== null) throw e;
    // A chain cached by another localnet build may not open with this one: make it again.
    console.log(`the cached chain did not start (${(e as Error).message.split('\n')[0]}); making it again`);
    madeIn = await make(lifecycles, cacheDir);
    started = await startCopy(cacheDir);
  }
  const { kit, dataDir } = started;
  return {
    kit,
    lifecycles,
    madeIn,
    close: async () => {
      await kit.localnet.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
