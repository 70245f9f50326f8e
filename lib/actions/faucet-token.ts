'use server';
import { tryParseAmount } from '../amounts';
import { getNetwork } from '../networks/server';
import { fail, ok, type Result } from '../stellar/result';
import { accountRequest, callHelper } from './account-request';

/** Sends test tokens from localnet's faucet (local only; needs the trustline first). */
export async function faucetToken(req: { address: string; token: string; amount?: string }): Promise<Result<null>> {
  const a = await accountRequest(req?.address, 5);
  if (!a.ok) return a;
  if (req.amount !== undefined && tryParseAmount(req.amount, 7) === null)
    return fail('bad-amount', 'Ask the faucet for an amount like 1000');
  const network = await getNetwork();
  if (network.name !== 'local' || !network.localnetUrl)
    return fail('no-faucet', 'Test tokens come from the faucet on the local network only');
  const known = network.tokens.find((t) => t.contractId === req.token && t.issuer);
  if (!known) return fail('no-faucet', 'The faucet gives only localnet’s own test assets');
  const url = `${network.localnetUrl}/faucet?addr=${a.address}&asset=${known.code}&amount=${encodeURIComponent(req.amount ?? '1000')}`;
  const call = await callHelper(
    'faucet',
    url,
    { method: 'POST' },
    {
      code: 'faucet-unreachable',
      message: 'The faucet did not answer; is localnet running?',
    },
  );
  if (!call.ok) return call;
  if (!call.res.ok) return fail('faucet-failed', `The faucet refused: ${(await call.res.text()).slice(0, 200)}`);
  return ok(null);
}
