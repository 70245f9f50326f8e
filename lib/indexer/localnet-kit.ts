/**
 * For the indexer's localnet tests: a localnet of its own, the escrow wasm uploaded, two funded
 * accounts and the calls they send. One account holds every named role but the dispute
 * resolver, so its own transactions authorise every step (source-account auth). Friendbot and
 * sending go through the shared localnet client (lib/localnet/client.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Asset, Keypair, Networks, Operation, type rpc, type xdr } from '@stellar/stellar-sdk';
import { createEscrowOp } from '@/lib/escrow/calls';
import type { EscrowConfig } from '@/lib/escrow/types';
import { friendbot, localnet as localnetChain, sendOperation } from '@/lib/localnet/client';
import type { NetworkConfig } from '@/lib/networks/config';
import type { LocalnetInstance } from '../../localnet/conformance/localnet-process';

export const LOCALNET_BIN =
  process.env.LOCALNET_BIN ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'release/localnet');
/** Whether the localnet binary is built (the tests skip without it). */
export const localnetAvailable = existsSync(LOCALNET_BIN);

export const PASSPHRASE = Networks.STANDALONE;
export const WASM = readFileSync('contracts/escrow/dist/escrow.wasm');
export const WASM_HASH = createHash('sha256').update(WASM).digest('hex');
export const XLM = Asset.native().contractId(PASSPHRASE);

export interface Kit {
  localnet: LocalnetInstance;
  network: NetworkConfig;
  server: rpc.Server;
  party: Keypair;
  resolver: Keypair;
  /** Sends a contract call (or upload) from `key`, simulated first; its hash once it succeeded. */
  send(key: Keypair, op: xdr.Operation): Promise<string>;
  /** Creates and funds `address` through this localnet's friendbot. */
  fund(address: string): Promise<void>;
  deploy(config: EscrowConfig, wasmHash?: string): Promise<string>;
  config(over?: Partial<EscrowConfig>): EscrowConfig;
}

/** A chain made before (a copy of its data dir) and the accounts that made it. */
export interface KitReuse {
  dataDir: string;
  party: Keypair;
  resolver: Keypair;
}

/**
 * Starts a localnet (extra arguments such as `--history-retention-window`) and readies the
 * accounts; with `reuse`, starts on that data dir, whose accounts and wasm are there already.
 */
export async function startKit(extraArgs: string[] = [], reuse?: KitReuse): Promise<Kit> {
  // localnet-process reads LOCALNET_BIN when it loads: set it first (CARGO_TARGET_DIR's build).
  process.env.LOCALNET_BIN ??= LOCALNET_BIN;
  const { startLocalnet } = await import('../../localnet/conformance/localnet-process');
  const localnet = await startLocalnet({ timeoutMs: 30_000, extraArgs, dataDir: reuse?.dataDir });
  const network: NetworkConfig = {
    name: 'local',
    label: 'Local',
    rpcUrl: localnet.rpcUrl,
    passphrase: PASSPHRASE,
    friendbotUrl: null,
    localnetUrl: localnet.baseUrl,
    explorerUrl: null,
    wasmHash: WASM_HASH,
    releasedWasmHashes: [WASM_HASH],
    protocolFee: { recipient: null, bps: 30 },
    tokens: [],
    walletConnectProjectId: null,
    trezorEmail: null,
  };
  const chain = localnetChain(localnet.baseUrl, PASSPHRASE);
  const server = chain.server;
  const party = reuse?.party ?? Keypair.random();
  const resolver = reuse?.resolver ?? Keypair.random();

  const send = async (key: Keypair, op: xdr.Operation) =>
    (await sendOperation(chain, key, op, { soroban: true })).txHash;
  const fund = (address: string) => friendbot(`${localnet.baseUrl}/friendbot`, address);

  const config = (over: Partial<EscrowConfig> = {}): EscrowConfig => {
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
  };

  async function deploy(c: EscrowConfig, wasmHash = WASM_HASH): Promise<string> {
    const salt = randomBytes(32);
    const { op, contractId } = createEscrowOp({
      deployer: party.publicKey(),
      wasmHash,
      config: c,
      salt,
      passphrase: PASSPHRASE,
    });
    await send(party, op);
    return contractId;
  }

  if (!reuse) {
    for (const k of [party, resolver]) await fund(k.publicKey());
    await send(party, Operation.uploadContractWasm({ wasm: WASM }));
  }
  return { localnet, network, server, party, resolver, send, fund, deploy, config };
}
