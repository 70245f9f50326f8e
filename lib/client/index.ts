/**
 * The typed client of the platform API: openapi-fetch over the types generated from the OpenAPI
 * document (lib/client/schema.d.ts, `npm run api:client`). For servers only — the API key must
 * never reach a browser, so creating a client in one throws.
 *
 * ```ts
 * const api = createOpenEscrowClient({ baseUrl: 'https://escrow.example.com', apiKey: process.env.OPENESCROW_KEY! });
 * const { data, error } = await api.GET('/escrows', { params: { query: { address: 'G…' } } });
 * ```
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type OpenEscrowClient = Client<paths>;
/** What a prepare endpoint answers: the unsigned transaction, its ticket and what it will do. */
export type Prepared = components['schemas']['Prepared'];
/** An error of the API (RFC 9457 problem+json) with its stable `code`. */
export type Problem = components['schemas']['Problem'];

export interface ClientOptions {
  /** The app's origin (`https://escrow.example.com`); the client adds `/api/v1`. */
  baseUrl: string;
  /** An API key from /settings/api-keys (`oek_…`). */
  apiKey: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

/** A client whose every call sends the key as `Authorization: Bearer …`. */
export function createOpenEscrowClient({ baseUrl, apiKey, fetch: fetchImpl }: ClientOptions): OpenEscrowClient {
  if (typeof window !== 'undefined')
    throw new Error('The OpenEscrow client holds an API key: use it on your server, never in a browser');
  if (!/^oek_/.test(apiKey)) throw new Error('An OpenEscrow API key starts with oek_');
  return createClient<paths>({
    baseUrl: `${baseUrl.replace(/\/+$/, '')}/api/v1`,
    headers: { authorization: `Bearer ${apiKey}` },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}
