// @ts-check
const { securityHeaders } = require('./lib/security-headers');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // No advertising of the framework (X-Powered-By).
  poweredByHeader: false,
  // The SDK is large and Node-oriented, PGlite loads its wasm beside its module, and
  // rate-limiter-flexible imports drizzle-orm by a computed name that only Node's loader resolves:
  // keep them out of the server bundle.
  serverExternalPackages: [
    '@stellar/stellar-sdk',
    '@electric-sql/pglite',
    'pg',
    'drizzle-orm',
    'rate-limiter-flexible',
  ],
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV !== 'production' }) }];
  },
};

module.exports = nextConfig;
