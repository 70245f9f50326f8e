/** Reads one escrow from the chain (by simulation: no wallet, no fee), only once its code is verified. */
import { scValToNative } from '@stellar/stellar-sdk';
import type { NetworkConfig } from '../networks/config';
import { rpcServer, simulateRead } from '../stellar/rpc';
import { escrowCalls } from './calls';
import { decodeEscrow } from './codec';
import { escrowErrors } from './errors';
import type { Escrow } from './types';
import { verifyEscrowContract } from './verify';

/** The escrow's state; throws a ChainError `not-openescrow` when the contract is not a released OpenEscrow build. */
export async function readEscrow(network: NetworkConfig, id: string): Promise<Escrow> {
  await verifyEscrowContract(network, id);
  return decodeEscrow(await simulateRead(network, id, escrowCalls.getEscrow(id), escrowErrors()));
}

/** What `funder` has put into the escrow (and not had refunded), base units. */
export async function readFunding(network: NetworkConfig, id: string, funder: string): Promise<bigint> {
  await verifyEscrowContract(network, id);
  const v = await simulateRead(network, id, escrowCalls.getFunding(id, funder), escrowErrors());
  return BigInt(scValToNative(v) as bigint);
}

/** The chain's clock: the latest ledger's close time, unix seconds (localnet can move it forward). */
export async function chainNow(network: NetworkConfig): Promise<bigint> {
  const latest = await rpcServer(network).getLatestLedger();
  const t = BigInt(latest.closeTime || '0');
  return t > 0n ? t : BigInt(Math.floor(Date.now() / 1000));
}
