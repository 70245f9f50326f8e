/**
 * When to try a failed delivery again: exponential backoff with jitter, for up to a day after
 * the event was enqueued, then the delivery is marked failed.
 */

/** How long a delivery is retried. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The first retry's nominal delay; each further one doubles, up to MAX_DELAY_MS. */
export const DEFAULT_BASE_MS = 30_000;
export const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * The delay before attempt `attempts + 1`, after `attempts` (≥ 1) have failed: base·2^(n−1),
 * capped, of which a random half is jitter (so receivers that come back are not hit by every
 * retry at once). `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, baseMs = DEFAULT_BASE_MS, random = Math.random()): number {
  const nominal = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(nominal / 2 + (nominal / 2) * random);
}

/** The next attempt's time, or null when it would fall after the retry window (the delivery has failed). */
export function nextAttemptAt(
  createdAt: Date,
  attempts: number,
  now: Date,
  baseMs = DEFAULT_BASE_MS,
  random = Math.random(),
): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, baseMs, random));
  return next.getTime() > createdAt.getTime() + RETRY_WINDOW_MS ? null : next;
}

/**
 * The retry base in use: OPENESCROW_WEBHOOK_RETRY_BASE_MS shortens it for tests, read only on
 * the local network so that a production deployment cannot hammer receivers by a stray variable.
 */
export function retryBaseMs(networkName: string, env: Record<string, string | undefined> = process.env): number {
  const raw = Number(env.OPENESCROW_WEBHOOK_RETRY_BASE_MS);
  return networkName === 'local' && Number.isFinite(raw) && raw >= 100 ? raw : DEFAULT_BASE_MS;
}
