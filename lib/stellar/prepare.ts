/**
 * The prepare pipeline: build a transaction for the caller's account, simulate it (footprint,
 * auth, fees), assemble it and hand back the unsigned XDR with a ticket for the submit check.
 * Simulation failures come back as sentences from the contract's error table.
 */
import { Account, BASE_FEE, Keypair, Operation, rpc, Transaction, TransactionBuilder, xdr } from '@stellar/stellar-sdk';
import type { NetworkConfig } from '../networks/config';
import { hostError, type ContractErrorEntry } from './errors';
import { rpcDown, rpcServer } from './rpc';
import { fail, ok, type Result } from './result';
import { ticketFor, ticketMatches } from './ticket';
import { authAddress, needsSignature } from './auth';

export interface PreparedTx {
  /** The unsigned transaction, base64 XDR, for the wallet to sign. */
  xdr: string;
  /** Content hash (hex) of the transaction on this network. */
  hash: string;
  /** Proof for the submit action that this server prepared this content. */
  ticket: string;
  /** Total fee the source pays at most, in stroops (decimal string). */
  feeStroops: string;
  /** Addresses other than the source whose authorisation entries must be signed first. */
  otherSigners: string[];
  /** The ledger until which signed authorisation entries stay valid. */
  authValidUntilLedger: number;
}

export interface PrepareOptions {
  errors: readonly ContractErrorEntry[];
  /** Token contracts involved, so their errors are told apart from the escrow's. */
  tokens?: ReadonlySet<string>;
  timeoutSeconds?: number;
}

/** Builds, simulates and assembles one operation from `source`. */
export async function prepareOperation(
  network: NetworkConfig,
  source: string,
  op: xdr.Operation,
  opts: PrepareOptions,
): Promise<Result<PreparedTx>> {
  const server = rpcServer(network);
  let account;
  try {
    account = await server.getAccount(source);
  } catch (e) {
    if (/not found/i.test(String((e as Error).message)))
      return fail(
        'no-account',
        `Your account ${source} does not exist on ${network.label} yet: fund it with XLM first${network.friendbotUrl ? ' (friendbot is offered on this page)' : ''}`,
      );
    return { ok: false, error: rpcDown('getAccount', e).error };
  }
  const tx = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: network.passphrase })
    .addOperation(op)
    .setTimeout(opts.timeoutSeconds ?? 300)
    .build();
  return simulateAndAssemble(network, tx, opts);
}

/** Simulates `tx`: the success response, or the failure as a sentence from the contract's error table. */
async function simulate(
  network: NetworkConfig,
  tx: Transaction,
  opts: PrepareOptions,
): Promise<Result<rpc.Api.SimulateTransactionSuccessResponse>> {
  let sim: rpc.Api.SimulateTransactionResponse;
  try {
    sim = await rpcServer(network).simulateTransaction(tx);
  } catch (e) {
    return { ok: false, error: rpcDown('simulateTransaction', e).error };
  }
  if (rpc.Api.isSimulationError(sim)) {
    const err = hostError(sim.error, sim.events, opts.errors, opts.tokens ?? new Set());
    return { ok: false, error: err };
  }
  if (rpc.Api.isSimulationRestore(sim)) {
    return fail('archived', 'Part of the escrow’s state is archived; it must be restored before this step');
  }
  return ok(sim);
}

async function simulateAndAssemble(
  network: NetworkConfig,
  tx: Transaction,
  opts: PrepareOptions,
): Promise<Result<PreparedTx>> {
  const simulated = await simulate(network, tx, opts);
  if (!simulated.ok) return simulated;
  const sim = simulated.data;
  const prepared = rpc.assembleTransaction(tx, sim).build();
  const hash = Buffer.from(prepared.hash()).toString('hex');
  const source = prepared.source;
  return ok({
    xdr: prepared.toXDR(),
    hash,
    ticket: ticketFor(hash),
    feeStroops: prepared.fee,
    otherSigners: addressSigners(prepared).filter((a) => a !== source),
    authValidUntilLedger: sim.latestLedger + 100,
  });
}

export interface SimulatedAuth {
  /** The host function (the contract call), base64 XDR. */
  func: string;
  /** The authorisation entries the call needs, unsigned, as the simulation returned them. */
  auth: xdr.SorobanAuthorizationEntry[];
  /** The chain's latest ledger when it was simulated. */
  latestLedger: number;
}

/**
 * Simulates one operation from a neutral source (a fresh account that exists nowhere and pays
 * nothing), so that every address the call needs — whoever will submit it included — comes back
 * with an authorisation entry of its own, to be signed apart (pending multi-signer steps). No
 * transaction is assembled: the submitter prepares one later, carrying the signed entries.
 */
export async function simulateAuthEntries(
  network: NetworkConfig,
  op: xdr.Operation,
  opts: PrepareOptions,
): Promise<Result<SimulatedAuth>> {
  const neutral = new Account(Keypair.random().publicKey(), '0');
  const tx = new TransactionBuilder(neutral, { fee: BASE_FEE, networkPassphrase: network.passphrase })
    .addOperation(op)
    .setTimeout(opts.timeoutSeconds ?? 300)
    .build();
  const simulated = await simulate(network, tx, opts);
  if (!simulated.ok) return simulated;
  const func = (tx.operations[0] as Operation.InvokeHostFunction).func;
  return ok({
    func: func.toXdr('base64'),
    auth: simulated.data.result?.auth ?? [],
    latestLedger: simulated.data.latestLedger,
  });
}

/** Addresses whose authorisation entries (address credentials) the transaction carries unsigned. */
export function addressSigners(tx: Transaction): string[] {
  const out: string[] = [];
  for (const op of tx.operations) {
    if (op.type !== 'invokeHostFunction') continue;
    for (const entry of op.auth ?? []) {
      const a = authAddress(entry);
      if (a && needsSignature(entry)) out.push(a);
    }
  }
  return [...new Set(out)];
}

/**
 * Puts signed authorisation entries (signed by other signers) into a prepared transaction and
 * prepares it again: the simulation then runs with those signatures enforced and accounts for
 * their verification cost. The ticket proves the unsigned transaction came from here.
 */
export async function prepareWithSignedAuth(
  network: NetworkConfig,
  preparedXdr: string,
  ticket: string,
  signedEntries: readonly string[],
  opts: PrepareOptions,
): Promise<Result<PreparedTx>> {
  let tx: Transaction;
  try {
    tx = TransactionBuilder.fromXDR(preparedXdr, network.passphrase) as Transaction;
  } catch {
    return fail('bad-xdr', 'The transaction could not be read');
  }
  if (!ticketMatches(Buffer.from(tx.hash()).toString('hex'), ticket))
    return fail('not-prepared', 'This is not a transaction this app prepared');
  const op = tx.operations[0];
  if (!op || op.type !== 'invokeHostFunction') return fail('bad-xdr', 'Not a contract call');
  let signed: xdr.SorobanAuthorizationEntry[];
  try {
    signed = signedEntries.map((e) => xdr.SorobanAuthorizationEntry.fromXdr(e, 'base64'));
  } catch {
    return fail('bad-xdr', 'A signed authorisation could not be read');
  }
  const byAddress = new Map(signed.map((e) => [authAddress(e), e]));
  const auth = (op.auth ?? []).map((e) => byAddress.get(authAddress(e)) ?? e);
  // Same source and sequence number, fresh resources: the new simulation decides them.
  const account = new Account(tx.source, (BigInt(tx.sequence) - 1n).toString());
  const rebuilt = new TransactionBuilder(account, { fee: BASE_FEE, networkPassphrase: network.passphrase })
    .addOperation(Operation.invokeHostFunction({ func: op.func, auth }))
    .setTimeout(opts.timeoutSeconds ?? 300)
    .build();
  return simulateAndAssemble(network, rebuilt, opts);
}
