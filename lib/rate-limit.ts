/**
 * A per-client budget for server actions: one request can fan out to dozens of RPC calls, so
 * without it one client can exhaust the RPC provider's quota for everybody. Kept in this
 * process's memory (several instances each count their own share).
 */
import { headers } from 'next/headers';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppError } from './stellar/errors';

/** Server actions a client may call per minute (OPENESCROW_RATE_LIMIT), default 300. */
const PER_MINUTE = Number(process.env.OPENESCROW_RATE_LIMIT ?? 300);

/** A limiter of `points` calls per `seconds`; `consume` returns the "slow down" refusal or null. */
export function makeLimiter(points: number, seconds: number) {
  const limiter = new RateLimiterMemory({ points, duration: seconds });
  return {
    async consume(key: string, cost = 1): Promise<{ ok: false; error: AppError } | null> {
      try {
        await limiter.consume(key, cost);
        return null;
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        return {
          ok: false,
          error: {
            code: 'rate-limited',
            message: `Slow down: too many requests from your connection. Try again in ${wait} s.`,
          },
        };
      }
    },
  };
}

const actions = makeLimiter(PER_MINUTE, 60);

/**
 * Who is asking. Next.js fills `x-forwarded-for` with the socket's address only when the
 * request has none, so behind a proxy the last entry is the one that proxy appended; a proxy
 * that sets its own header (x-real-ip, cf-connecting-ip) is named by OPENESCROW_CLIENT_IP_HEADER.
 */
export async function clientKey(): Promise<string> {
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return 'no-request'; // called outside a request (unit tests, scripts)
  }
  const named = process.env.OPENESCROW_CLIENT_IP_HEADER;
  const value = (named ? h.get(named) : null) ?? h.get('x-forwarded-for') ?? '';
  return (
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop() ?? 'unknown'
  );
}

/** Charges one server action (`cost`: how many RPC-heavy units it is) to the caller; returns the refusal when over budget. */
export async function limitAction(cost = 1): Promise<{ ok: false; error: AppError } | null> {
  return actions.consume(await clientKey(), cost);
}
