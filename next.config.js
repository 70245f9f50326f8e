// @ts-check
const { securityHeaders } = require('./lib/security-headers');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // No advertising of the framework (X-Powered-By).
  poweredByHeader: false,
  // The SDK is large and Node-oriented; keep it out of the server bundle. rate-limiter-flexible
  // imports drizzle-orm by a computed name, which only Node's own loader resolves.
  serverExternalPackages: ['@stellar/stellar-sdk', 'rate-limiter-flexible', 'drizzle-orm'],
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV !== 'production' }) }];
  },
};

module.exports = nextConfig;
