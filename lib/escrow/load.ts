/** What the escrow's pages load on the server: the escrow, its token and the chain's time. */
import { chainNow, readEscrow } from './read';
import type { Escrow } from './types';
import { getNetwork } from '../networks/server';
import type { NetworkConfig } from '../networks/config';
import { ChainError } from '../stellar/result';
import { readToken, type TokenInfo } from '../stellar/rpc';
import { isContractAddress } from '../strkey';

export type LoadedEscrow =
  | { ok: true; network: NetworkConfig; id: string; escrow: Escrow; token: TokenInfo; now: bigint }
  | { ok: false; network: NetworkConfig; id: string; message: string };

export async function loadEscrowPage(id: string): Promise<LoadedEscrow> {
  const network = await getNetwork();
  if (!isContractAddress(id)) return { ok: false, network, id, message: 'This is not an escrow id: it should be a contract address, C… with 56 characters.' };
  try {
    const escrow = await readEscrow(network, id);
    const [token, now] = await Promise.all([readToken(network, escrow.config.token), chainNow(network)]);
    return { ok: true, network, id, escrow, token, now };
  } catch (e) {
    const message = e instanceof ChainError ? e.error.message : `Could not read the escrow: ${(e as Error).message}`;
    return { ok: false, network, id, message };
  }
}
