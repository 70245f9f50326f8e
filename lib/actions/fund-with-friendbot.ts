'use server';
import { getNetwork } from '../networks/server';
import { fail, ok, type Result } from '../stellar/result';
import { accountRequest, callHelper } from './account-request';

/** Asks the network's friendbot for XLM (local and testnet only). */
export async function fundWithFriendbot(req: { address: string }): Promise<Result<null>> {
  const a = await accountRequest(req?.address, 5);
  if (!a.ok) return a;
  const network = await getNetwork();
  if (!network.friendbotUrl) return fail('no-friendbot', `${network.label} has no friendbot`);
  const call = await callHelper(
    'friendbot',
    `${network.friendbotUrl}?addr=${a.address}`,
    {},
    {
      code: 'friendbot-unreachable',
      message: 'Friendbot did not answer; try again in a moment',
    },
  );
  if (!call.ok) return call;
  if (!call.res.ok) {
    const text = await call.res.text();
    if (/already|exist/i.test(text)) return fail('already-funded', 'This account is already funded');
    return fail('friendbot-failed', `Friendbot refused: ${text.slice(0, 200)}`);
  }
  return ok(null);
}
