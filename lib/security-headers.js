// @ts-check
/**
 * The HTTP headers every page and action answers with. Plain CommonJS so next.config.js can
 * load it and a unit test can check the values.
 *
 * The Content-Security-Policy allows what the app and Stellar Wallets Kit need: Next.js's own
 * inline bootstrap scripts (hence 'unsafe-inline' for scripts: nonces would need a proxy on
 * every request), the kit's injected styles, wallet icons from their makers' sites, and the
 * WalletConnect, HOT and Trezor endpoints. The browser never talks to the Stellar RPC (the
 * server does), so connect-src needs nothing else. Framing is refused outright: a framed
 * signing button can be clickjacked.
 */

const WALLET_CONNECT = [
  'https://*.walletconnect.org',
  'https://*.walletconnect.com',
  'wss://*.walletconnect.org',
  'wss://*.walletconnect.com',
  'https://*.reown.com',
];
const WALLET_HOSTS = ['https://*.herewallet.app', 'https://*.hot-labs.org', 'https://connect.trezor.io'];

/** @param {{ dev: boolean }} opts */
function contentSecurityPolicy({ dev }) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.reown.com'],
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:', 'https://fonts.reown.com'],
    'connect-src': ["'self'", ...WALLET_CONNECT, ...WALLET_HOSTS, ...(dev ? ['ws:'] : [])],
    'frame-src': [
      "'self'",
      'https://verify.walletconnect.org',
      'https://verify.walletconnect.com',
      'https://secure.walletconnect.org',
      'https://connect.trezor.io',
    ],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** @param {{ dev: boolean }} opts @returns {{ key: string; value: string }[]} */
function securityHeaders({ dev }) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ];
}

module.exports = { securityHeaders, contentSecurityPolicy };
