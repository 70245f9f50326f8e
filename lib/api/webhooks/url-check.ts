/**
 * Where a webhook may be sent. A server that posts to any URL it is given can be turned against
 * its own network (SSRF), so a target must be https on a public address; plain http is allowed
 * only to 127.0.0.1 or localhost, and only when the app runs on the local network.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** True for loopback, private, link-local, CGNAT, unspecified and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const h = v4.toLowerCase();
  return (
    h === '::' ||
    h === '::1' ||
    /^f[cd]/.test(h) || // unique local fc00::/7
    /^fe[89ab]/.test(h) || // link-local fe80::/10
    h.startsWith('ff') // multicast
  );
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why `raw` cannot be a webhook URL, or null when it can (a literal check; names are resolved at send time). */
export function webhookUrlProblem(raw: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not a URL';
  }
  if (url.username || url.password) return 'A webhook URL may not carry a user name or password';
  if (url.hash) return 'A webhook URL may not have a #fragment';
  const host = url.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host);
  if (url.protocol === 'http:') {
    if (local && allowLocal) return null;
    return local
      ? 'Plain http is allowed only on the local network'
      : 'Use https (plain http only to 127.0.0.1 on the local network)';
  }
  if (url.protocol !== 'https:') return 'Use an https URL';
  if (local) {
    return allowLocal ? null : 'This server does not send webhooks to its own machine';
  }
  const literal = host.replace(/^\[|\]$/g, '');
  if (isIP(literal) && isPrivateAddress(literal))
    return 'This is a private or link-local address: webhooks go only to public addresses';
  if (host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.'))
    return 'This host name is not public: webhooks go only to public addresses';
  return null;
}

/**
 * Checked again before each attempt: a public name may resolve to a private address (DNS
 * rebinding). Returns why the target is refused, or null.
 */
export async function resolvedTargetProblem(raw: string, allowLocal: boolean): Promise<string | null> {
  const literal = webhookUrlProblem(raw, allowLocal);
  if (literal) return literal;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (allowLocal && LOCAL_HOSTS.has(host)) return null;
  if (isIP(host)) return null;
  try {
    const addresses = await lookup(host, { all: true });
    if (addresses.some((a) => isPrivateAddress(a.address))) return 'The host name resolves to a private address';
    return null;
  } catch {
    return 'The host name does not resolve';
  }
}
