'use server';
import { limitAction } from '../rate-limit';
import { unexpected } from '../log';
import { tryParseAmount } from '../amounts';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';

/** Sends test tokens from localnet's faucet (local only; needs the trustline first). */
export async function faucetToken(req: { address: string; token: string; amount?: string }): Promise<Result<null>> {
  const limited = await limitAction(5);
  if (limited) return limited;
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  if (req.amount !== undefined && tryParseAmount(req.amount, 7) === null)
    return fail('bad-amount', 'Ask the faucet for an amount like 1000');
  const network = await getNetwork();
  if (network.name !== 'local' || !network.localnetUrl)
    return fail('no-faucet', 'Test tokens come from the faucet on the local network only');
  const known = network.tokens.find((t) => t.contractId === req.token && t.issuer);
  if (!known) return fail('no-faucet', 'The faucet gives only localnet’s own test assets');
  const url = `${network.localnetUrl}/faucet?addr=${a.data}&asset=${known.code}&amount=${encodeURIComponent(req.amount ?? '1000')}`;
  const res = await fetch(url, { method: 'POST', cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error)
    return {
      ...unexpected('faucet', res),
      error: { code: 'faucet-unreachable', message: 'The faucet did not answer; is localnet running?' },
    };
  if (!res.ok) return fail('faucet-failed', `The faucet refused: ${(await res.text()).slice(0, 200)}`);
  return ok(null);
}
