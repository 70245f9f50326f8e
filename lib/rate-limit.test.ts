import { describe, expect, it } from 'vitest';
import { clientKey, makeLimiter } from './rate-limit';

describe('per-client rate limit of server actions', () => {
  it('lets a client use its budget, then says to slow down, without touching other clients', async () => {
    const limiter = makeLimiter(3, 60);
    for (let i = 0; i < 3; i++) expect(await limiter.consume('203.0.113.5')).toBeNull();
    const refused = await limiter.consume('203.0.113.5');
    expect(refused?.error.code).toBe('rate-limited');
    expect(refused?.error.message).toMatch(
      /^Slow down: too many requests from your connection\. Try again in \d+ s\.$/,
    );
    expect(await limiter.consume('198.51.100.7')).toBeNull();
  });

  it('charges heavy actions more', async () => {
    const limiter = makeLimiter(4, 60);
    expect(await limiter.consume('a', 3)).toBeNull();
    expect(await limiter.consume('a', 3)).not.toBeNull();
  });

  it('outside a request (tests, scripts) there is one shared key', async () => {
    expect(await clientKey()).toBe('no-request');
  });
});
