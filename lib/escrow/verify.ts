/**
 * The one check that a contract is an OpenEscrow escrow: its instance runs a released build for
 * this network. Anyone can deploy a contract that answers `get_escrow` with a fake state and
 * whose `fund` sends the caller's tokens elsewhere; only the code hash tells them apart. Every
 * reader of an escrow (pages, step actions, pending steps, later the indexer and the API) goes
 * through `readEscrow`/`readFunding`, which call this first.
 */
import { Address, xdr } from '@stellar/stellar-sdk';
import type { NetworkConfig } from '../networks/config';
import { ChainError } from '../stellar/result';
import { rpcServer } from '../stellar/rpc';
import { logDetail } from '../log';

/** The stable code of a refusal: the contract exists but is not a released OpenEscrow build. */
export const NOT_OPENESCROW = 'not-openescrow';
export const NOT_OPENESCROW_MESSAGE = 'This contract is not an OpenEscrow escrow — do not send it funds.';

// A contract's code changes only if the contract itself upgrades (released builds cannot), so a
// verified id stays verified; refusals are not remembered (a restored instance may appear).
const verified = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** The wasm hash (hex) that a contract instance runs, or null for a Stellar Asset Contract or any non-wasm executable. */
export async function contractWasmHash(network: NetworkConfig, contractId: string): Promise<string | null> {
  const key = xdr.LedgerKey.contractData(
    new xdr.LedgerKeyContractData({
      contract: Address.fromString(contractId).toScAddress(),
      key: xdr.ScVal.scvLedgerKeyContractInstance(),
      durability: xdr.ContractDataDurability.persistent,
    }),
  );
  let entries;
  try {
    entries = (await rpcServer(network).getLedgerEntries(key)).entries;
  } catch (e) {
    logDetail('getLedgerEntries(contract instance)', e);
    throw new ChainError({
      code: 'rpc-unreachable',
      message: 'The network’s RPC did not answer; try again in a moment',
    });
  }
  const data = entries[0]?.val;
  if (!data)
    throw new ChainError({ code: 'not-found', message: `There is no contract at ${contractId} on ${network.label}` });
  if (data.type !== 'contractData' || data.contractData.val.type !== 'scvContractInstance') return null;
  const executable = data.contractData.val.instance.executable;
  return executable.type === 'contractExecutableWasm' ? Buffer.from(executable.wasmHash.value).toString('hex') : null;
}

/**
 * Resolves when `contractId` runs a released OpenEscrow build listed for the network
 * (`lib/networks/deployments.json`, `OPENESCROW_RELEASED_WASM_HASHES`); otherwise throws a
 * {@link ChainError} with code {@link NOT_OPENESCROW} (or `not-found`, `rpc-unreachable`).
 */
export async function verifyEscrowContract(network: NetworkConfig, contractId: string): Promise<void> {
  const cacheKey = `${network.passphrase}|${contractId}`;
  const known = verified.get(cacheKey);
  if (known && network.releasedWasmHashes.includes(known)) return;
  const hash = await contractWasmHash(network, contractId);
  if (!hash || !network.releasedWasmHashes.includes(hash)) {
    // A refusal, not a failure: one line, no stack.
    logDetail(
      `refused ${contractId}`,
      `wasm ${hash ?? 'none (not a wasm contract)'} is not a released OpenEscrow build on ${network.name}`,
    );
    throw new ChainError({ code: NOT_OPENESCROW, message: NOT_OPENESCROW_MESSAGE });
  }
  if (verified.size >= MAX_REMEMBERED) verified.clear();
  verified.set(cacheKey, hash);
}
