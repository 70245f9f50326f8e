/**
 * The one loader of an escrow for pages and actions alike: the network, the escrow (only once
 * its code is verified as an OpenEscrow build), its token and the chain's time.
 */
import { chainNow, readEscrow } from '../escrow/read';
import type { Escrow } from '../escrow/types';
import { getNetwork } from '../networks/server';
import type { NetworkConfig } from '../networks/config';
import { logDetail } from '../log';
import { ChainError, fail, ok, type Result } from '../stellar/result';
import { readToken, type TokenInfo } from '../stellar/rpc';
import { contractId } from '../schemas/fields';

export interface LoadedEscrow {
  network: NetworkConfig;
  id: string;
  escrow: Escrow;
  token: TokenInfo;
  now: bigint;
}

/** Loads a verified escrow; a failure carries a stable code (`bad-escrow-id`, `not-openescrow`, `not-found`, …) and a sentence. */
export async function loadEscrow(idRaw: unknown): Promise<Result<LoadedEscrow> & { network: NetworkConfig }> {
  const network = await getNetwork();
  const id = contractId.safeParse(idRaw);
  if (!id.success)
    return { ...fail('bad-escrow-id', 'This is not an escrow id: it should be a contract address, C… with 56 characters.'), network };
  try {
    const escrow = await readEscrow(network, id.data);
    const [token, now] = await Promise.all([readToken(network, escrow.config.token), chainNow(network)]);
    return { ...ok({ network, id: id.data, escrow, token, now }), network };
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error, network };
    logDetail(`loading escrow ${id.data}`, e);
    return { ...fail('unexpected', 'The escrow could not be read; try again in a moment.'), network };
  }
}
