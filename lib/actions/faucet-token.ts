'use server';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';

/** Sends test tokens from localnet's faucet (local only; needs the trustline first). */
export async function faucetToken(req: { address: string; token: string; amount?: string }): Promise<Result<null>> {
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  const network = await getNetwork();
  if (network.name !== 'local' || !network.localnetUrl) return fail('no-faucet', 'Test tokens come from the faucet on the local network only');
  const known = network.tokens.find((t) => t.contractId === req.token && t.issuer);
  if (!known) return fail('no-faucet', 'The faucet gives only localnet’s own test assets');
  const url = `${network.localnetUrl}/faucet?addr=${a.data}&asset=${known.code}&amount=${encodeURIComponent(req.amount ?? '1000')}`;
  const res = await fetch(url, { method: 'POST', cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error) return fail('faucet-unreachable', `The faucet did not answer: ${res.message}`);
  if (!res.ok) return fail('faucet-failed', `The faucet refused: ${(await res.text()).slice(0, 200)}`);
  return ok(null);
}
