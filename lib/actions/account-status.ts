'use server';
import { unexpected } from '../log';
import { formatAmount } from '../amounts';
import { getNetwork } from '../networks/server';
import { contractId } from '../schemas/fields';
import { ChainError, ok, type Result } from '../stellar/result';
import { hasTrustline, readBalance, readToken, readXlmBalance } from '../stellar/rpc';
import { accountRequest } from './account-request';

export interface AccountStatus {
  address: string;
  exists: boolean;
  xlm: string | null;
  token: {
    contractId: string;
    symbol: string;
    decimals: number;
    classic: boolean;
    trustline: boolean;
    balance: string | null;
  } | null;
  friendbot: boolean;
  faucet: boolean;
}

export async function accountStatus(req: { address: string; token?: string }): Promise<Result<AccountStatus>> {
  const a = await accountRequest(req?.address, 2);
  if (!a.ok) return a;
  const network = await getNetwork();
  try {
    const xlm = await readXlmBalance(network, a.address);
    let token: AccountStatus['token'] = null;
    if (req.token && contractId.safeParse(req.token).success) {
      const info = await readToken(network, req.token);
      const trustline = xlm === null ? false : await hasTrustline(network, info, a.address);
      const balance = trustline ? await readBalance(network, info.contractId, a.address).catch(() => null) : null;
      token = {
        contractId: info.contractId,
        symbol: info.label,
        decimals: info.decimals,
        classic: info.asset !== null,
        trustline,
        balance: balance === null ? null : formatAmount(balance, info.decimals),
      };
    }
    return ok({
      address: a.address,
      exists: xlm !== null,
      xlm: xlm === null ? null : formatAmount(xlm, 7),
      token,
      friendbot: network.friendbotUrl !== null,
      faucet: network.name === 'local' && token?.classic === true,
    });
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected(`account status of ${a.address}`, e);
  }
}
