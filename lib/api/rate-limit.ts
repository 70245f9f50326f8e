/**
 * The per-key rate limit, counted in the database (rate-limiter-flexible's Drizzle store, which
 * runs one upsert per request on PGlite and Postgres alike), so every app instance on one
 * database shares a key's budget. Headers follow the IETF RateLimit fields draft.
 */
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/client';
import { apiRateLimits } from '../db/schema';

/** Requests one key may make per window (OPENESCROW_API_RATE_LIMIT per minute, default 120). */
export function apiRateLimit(): { points: number; seconds: number } {
  const points = Number(process.env.OPENESCROW_API_RATE_LIMIT ?? 120);
  return { points: Number.isInteger(points) && points > 0 ? points : 120, seconds: 60 };
}

export interface RateDecision {
  allowed: boolean;
  /** Headers for every response: the policy, what is left, when the window resets. */
  headers: Record<string, string>;
}

const limiters = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Database, points: number, seconds: number): RateLimiterDrizzle {
  let byPolicy = limiters.get(db);
  if (!byPolicy) limiters.set(db, (byPolicy = new Map()));
  const policy = `${points}/${seconds}`;
  let limiter = byPolicy.get(policy);
  if (!limiter) {
    // One row per key, reused window after window: nothing to sweep.
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: apiRateLimits,
      points,
      duration: seconds,
      keyPrefix: 'api',
      clearExpiredByTimeout: false,
    });
    byPolicy.set(policy, limiter);
  }
  return limiter;
}

/** Charges one request to `keyId`. */
export async function consumeRate(db: Database, keyId: string, limit = apiRateLimit()): Promise<RateDecision> {
  const limiter = limiterFor(db, limit.points, limit.seconds);
  let res: RateLimiterRes;
  let allowed = true;
  try {
    res = await limiter.consume(keyId, 1);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    res = e;
    allowed = false;
  }
  const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"per-key";q=${limit.points};w=${limit.seconds}`,
    RateLimit: `"per-key";r=${res.remainingPoints};t=${reset}`,
  };
  if (!allowed) headers['Retry-After'] = String(reset);
  return { allowed, headers };
}
