'use server';
import { limitAction } from '../rate-limit';
import { unexpected } from '../log';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { fail, ok, type Result } from '../stellar/result';

/** Asks the network's friendbot for XLM (local and testnet only). */
export async function fundWithFriendbot(req: { address: string }): Promise<Result<null>> {
  const limited = await limitAction(5);
  if (limited) return limited;
  const a = accountAddress.safeParse(req?.address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  const network = await getNetwork();
  if (!network.friendbotUrl) return fail('no-friendbot', `${network.label} has no friendbot`);
  const res = await fetch(`${network.friendbotUrl}?addr=${a.data}`, { cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error)
    return {
      ...unexpected('friendbot', res),
      error: { code: 'friendbot-unreachable', message: 'Friendbot did not answer; try again in a moment' },
    };
  if (!res.ok) {
    const text = await res.text();
    if (/already|exist/i.test(text)) return fail('already-funded', 'This account is already funded');
    return fail('friendbot-failed', `Friendbot refused: ${text.slice(0, 200)}`);
  }
  return ok(null);
}
