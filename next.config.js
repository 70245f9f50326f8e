// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The SDK is large and Node-oriented; keep it out of the server bundle.
  serverExternalPackages: ['@stellar/stellar-sdk'],
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
};

module.exports = nextConfig;
