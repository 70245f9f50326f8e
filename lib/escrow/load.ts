/** What the escrow's pages load on the server: the escrow, its token and the chain's time. */
import { chainNow, readEscrow } from './read';
import type { Escrow } from './types';
import { getNetwork } from '../networks/server';
import type { NetworkConfig } from '../networks/config';
import { logDetail } from '../log';
import { ChainError } from '../stellar/result';
import { readToken, type TokenInfo } from '../stellar/rpc';
import { isContractAddress } from '../strkey';

export type LoadedEscrow =
  | { ok: true; network: NetworkConfig; id: string; escrow: Escrow; token: TokenInfo; now: bigint }
  | { ok: false; network: NetworkConfig; id: string; code: string; message: string };

/** Loads a verified escrow for a page; a failure carries a stable code (`not-openescrow`, `not-found`, …) and a sentence. */
export async function loadEscrowPage(id: string): Promise<LoadedEscrow> {
  const network = await getNetwork();
  if (!isContractAddress(id))
    return { ok: false, network, id, code: 'bad-escrow-id', message: 'This is not an escrow id: it should be a contract address, C… with 56 characters.' };
  try {
    const escrow = await readEscrow(network, id);
    const [token, now] = await Promise.all([readToken(network, escrow.config.token), chainNow(network)]);
    return { ok: true, network, id, escrow, token, now };
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, network, id, code: e.error.code, message: e.error.message };
    logDetail(`loading escrow ${id}`, e);
    return { ok: false, network, id, code: 'unexpected', message: 'The escrow could not be read; try again in a moment.' };
  }
}
