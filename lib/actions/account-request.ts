/**
 * What the account helpers (account status, friendbot, localnet's faucet) share: the rate limit
 * and the address check they start with, and the call to a network's helper endpoint whose
 * failure to answer is logged and told as a sentence. Not a `'use server'` module: the actions are.
 */
import { unexpected } from '../log';
import { limitAction } from '../rate-limit';
import { accountAddress } from '../schemas/fields';
import type { AppError } from '../stellar/errors';
import { fail } from '../stellar/result';

type Refusal = { ok: false; error: AppError };

/** Spends `cost` of the client's budget and checks `address`: the address, or the refusal to return. */
export async function accountRequest(address: unknown, cost: number): Promise<{ ok: true; address: string } | Refusal> {
  const limited = await limitAction(cost);
  if (limited) return limited;
  const a = accountAddress.safeParse(address);
  if (!a.success) return fail('bad-address', a.error.issues[0]!.message);
  return { ok: true, address: a.data };
}

/**
 * Fetches a helper endpoint (never cached). A fetch that throws (nothing listening) is logged under
 * `context` and refused with `unreachable`; any HTTP answer, refusals included, is the caller's to read.
 */
export async function callHelper(
  context: string,
  url: string,
  init: RequestInit,
  unreachable: AppError,
): Promise<{ ok: true; res: Response } | Refusal> {
  const res = await fetch(url, { ...init, cache: 'no-store' }).catch((e: Error) => e);
  if (res instanceof Error) return { ...unexpected(context, res), error: unreachable };
  return { ok: true, res };
}
