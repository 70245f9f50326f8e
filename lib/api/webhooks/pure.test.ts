import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { nextAttemptAt, retryBaseMs, retryDelayMs, RETRY_WINDOW_MS } from './backoff';
import { eventTypeOf, EVENT_TYPES } from './event-types';
import { signedRequest } from './send';
import { newSecret } from './subscriptions';
import { isPrivateAddress, webhookUrlProblem } from './url-check';

describe('webhook URLs', () => {
  it('accepts https to a public host and http to 127.0.0.1 only on the local network', () => {
    expect(webhookUrlProblem('https://hooks.example.com/escrow', false)).toBeNull();
    expect(webhookUrlProblem('https://93.184.215.14/x', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', false)).toMatch(/local network/);
    expect(webhookUrlProblem('http://hooks.example.com/', true)).toMatch(/https/);
  });

  it('refuses private, link-local and non-public targets, saying why', () => {
    for (const url of [
      'https://10.0.0.1/',
      'https://192.168.1.20/',
      'https://172.16.5.5/',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/',
      'https://[::1]/',
      'https://[fe80::1]/',
      'https://[fd00::1]/',
      'https://[::ffff:10.0.0.1]/',
      'https://0.0.0.0/',
    ])
      expect(webhookUrlProblem(url, false), url).toMatch(/private|own machine|public/);
    expect(webhookUrlProblem('https://router.local/', false)).toMatch(/not public/);
    expect(webhookUrlProblem('https://intranet/', false)).toMatch(/not public/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.com/', false)).toMatch(/password/);
    expect(webhookUrlProblem('ftp://hooks.example.com/', false)).toMatch(/https/);
    expect(webhookUrlProblem('not a url', false)).toMatch(/Not a URL/);
  });

  it('tells private from public addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('172.32.0.1')).toBe(false);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('172.31.255.255')).toBe(true);
    expect(isPrivateAddress('127.0.0.2')).toBe(true);
  });
});

describe('backoff', () => {
  it('doubles from the base, with at most half of it jitter, capped', () => {
    expect(retryDelayMs(1, 30_000, 0)).toBe(15_000);
    expect(retryDelayMs(1, 30_000, 0.999999)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, 1)).toBe(60_000);
    expect(retryDelayMs(5, 30_000, 1)).toBe(480_000);
    expect(retryDelayMs(40, 30_000, 1)).toBe(6 * 3600_000);
    for (let n = 1; n < 20; n++)
      expect(retryDelayMs(n + 1, 30_000, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 30_000, 0));
  });

  it('retries for a day, then gives up', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    let now = created;
    let attempts = 0;
    let next: Date | null = created;
    while (next) {
      attempts++;
      now = next;
      next = nextAttemptAt(created, attempts, now, 30_000, 1);
    }
    expect(now.getTime() - created.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
    expect(now.getTime() - created.getTime()).toBeGreaterThan(RETRY_WINDOW_MS - 6 * 3600_000);
    expect(attempts).toBeGreaterThan(10);
    expect(attempts).toBeLessThan(20);
  });

  it('takes a shorter base from the environment on the local network only', () => {
    const env = { OPENESCROW_WEBHOOK_RETRY_BASE_MS: '500' };
    expect(retryBaseMs('local', env)).toBe(500);
    expect(retryBaseMs('testnet', env)).toBe(30_000);
    expect(retryBaseMs('local', { OPENESCROW_WEBHOOK_RETRY_BASE_MS: 'x' })).toBe(30_000);
  });
});

describe('signatures and event types', () => {
  it('signs so that the standardwebhooks package verifies, and a changed body fails', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const payload = { type: 'escrow.funded', timestamp: '2026-01-01T00:00:00.000Z', data: { amount: '1' } };
    const { body, headers } = signedRequest(secret, '0000000000000000042-0000000001', payload);
    expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
    expect(() => new Webhook(secret).verify(body.replace('"1"', '"2"'), headers)).toThrow();
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow();
    expect(headers['webhook-id']).toBe('0000000000000000042-0000000001');
  });

  it('has one type per contract action', () => {
    expect(EVENT_TYPES).toHaveLength(10);
    expect(eventTypeOf('released')).toBe('escrow.released');
    expect(eventTypeOf('nonsense')).toBeNull();
  });
});
