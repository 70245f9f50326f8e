/** Node-side helpers against the e2e localnet: accounts, trustlines, test USDC, balances, time. */
import { Address, Contract, Keypair, nativeToScVal, scValToNative, xdr } from '@stellar/stellar-sdk';
import { readFileSync } from 'node:fs';
import { parseAmount } from '../lib/amounts';
import {
  advanceTime as clientAdvanceTime,
  faucet as clientFaucet,
  friendbot as clientFriendbot,
  localnet,
  localnetInfo as clientLocalnetInfo,
  localnetUsdc,
  readContract,
  readyAccount as clientReadyAccount,
  sendOperation,
  trust as clientTrust,
  type LocalnetAsset,
} from '../lib/localnet/client';
import { E2E } from './env';

/** The e2e localnet, through the project's one localnet client. */
export const chain = localnet(E2E.localnetUrl, E2E.passphrase);
export const server = chain.server;

export type LocalAsset = LocalnetAsset;

export const localnetInfo = () => clientLocalnetInfo(chain);

export const usdc = () => localnetUsdc(chain);

export const friendbot = (address: string) => clientFriendbot(`${E2E.localnetUrl}/friendbot`, address);

export const trust = (key: Keypair, asset: { code: string; issuer: string }) => clientTrust(chain, key, asset);

export const faucet = (address: string, amount: string) => clientFaucet(chain, address, amount);

/** A funded account with a USDC trustline and optionally some test USDC. */
export const readyAccount = (opts: { usdc?: string; trustline?: boolean } = {}) => clientReadyAccount(chain, opts);

/** A token balance in base units (SAC `balance`). */
export async function tokenBalance(token: string, holder: string): Promise<bigint> {
  return BigInt((await readContract(chain, token, 'balance', new Address(holder).toScVal())) as bigint);
}

export async function escrowState(id: string): Promise<Record<string, unknown>> {
  return (await readContract(chain, id, 'get_escrow')) as Record<string, unknown>;
}

/** Moves localnet's clock forward (non-standard RPC). */
export const advanceTime = (seconds: number) => clientAdvanceTime(chain, seconds);

/** The chain's time (latest ledger close), unix seconds. */
export async function chainTime(): Promise<number> {
  return Number((await server.getLatestLedger()).closeTime);
}

/** Decimal USDC → base units (7 decimals). */
export const usdcUnits = (text: string) => parseAmount(text, 7);

/** The protocol fee recipient the deploy script set up for this chain. */
export function protocolFeeRecipient(): string {
  const file =
    process.env.OPENESCROW_DEPLOYMENT_FILE ?? `${process.env.E2E_DATA_DIR ?? '.cache/e2e-chain'}/deployment.json`;
  return (JSON.parse(readFileSync(file, 'utf8')) as { protocolFeeRecipient: string }).protocolFeeRecipient;
}

/** A plain token transfer (SAC `transfer`), e.g. someone sending tokens straight to an escrow. */
export async function transferToken(token: string, from: Keypair, to: string, units: bigint) {
  const op = new Contract(token).call(
    'transfer',
    new Address(from.publicKey()).toScVal(),
    new Address(to).toScVal(),
    nativeToScVal(units, { type: 'i128' }),
  );
  await sendOperation(chain, from, op, { soroban: true });
}

/** The latest ledger's sequence: a starting point for `transferred`. */
export async function latestLedger(): Promise<number> {
  return (await server.getLatestLedger()).sequence;
}

/**
 * What `from` sent `to` in `token` since `startLedger`, summed from the token's transfer events.
 * Accounts shared by parallel journeys (the protocol fee recipient) are checked this way rather
 * than by balance differences, which other journeys' fees would disturb.
 */
export async function transferred(token: string, from: string, to: string, startLedger: number): Promise<bigint> {
  const topic = (address: string) => new Address(address).toScVal().toXDR('base64');
  const res = await server.getEvents({
    startLedger,
    filters: [
      {
        type: 'contract',
        contractIds: [token],
        topics: [[xdr.ScVal.scvSymbol('transfer').toXDR('base64'), topic(from), topic(to), '*']],
      },
    ],
    limit: 1000,
  });
  return res.events.reduce((sum, e) => {
    const value = scValToNative(e.value) as bigint | { amount: bigint };
    return sum + BigInt(typeof value === 'object' ? value.amount : value);
  }, 0n);
}
