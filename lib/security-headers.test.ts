import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { NextConfig } from 'next';
import { securityHeaders } from './security-headers.js';

const nextConfig = createRequire(import.meta.url)('../next.config.js') as Required<
  Pick<NextConfig, 'headers' | 'poweredByHeader'>
>;

const byName = (dev: boolean) => Object.fromEntries(securityHeaders({ dev }).map((h) => [h.key, h.value]));

describe('security headers', () => {
  it('refuse framing, sniffing and full referrers', () => {
    const h = byName(false);
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('a CSP that refuses framing, plugins and foreign scripts; eval only in development', () => {
    const csp = byName(false)['Content-Security-Policy']!;
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('script-src')).toBe("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'");
    expect(directive('connect-src')).toContain('wss://*.walletconnect.org');
    expect(byName(true)['Content-Security-Policy']).toContain("'unsafe-eval'");
  });

  it('are sent on every path, without X-Powered-By', async () => {
    expect(nextConfig.poweredByHeader).toBe(false);
    const rules = await nextConfig.headers();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe('/:path*');
    expect(rules[0]!.headers.map((h) => h.key)).toContain('Content-Security-Policy');
  });
});
