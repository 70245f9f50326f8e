/**
 * The one wrapper of every API-key route: authenticate the key (401), check its scope (403),
 * charge its rate limit (429), read the JSON body (400), honour Idempotency-Key on POST, run
 * the handler, and answer JSON or problem+json. Plain Request/Response, so it runs in vitest.
 */
import type { Result } from '../stellar/result';
import { logDetail } from '../log';
import { apiDatabase } from './db';
import { withIdempotency } from './idempotency';
import { authenticateKey, keyFromHeaders, type ApiPrincipal, type Scope } from './keys';
import { json, problem } from './problem';
import { consumeRate } from './rate-limit';
import type { Database } from '../db/client';

export const MAX_BODY_BYTES = 256 * 1024;

export interface ApiContext<P> {
  principal: ApiPrincipal;
  db: Database;
  url: URL;
  params: P;
  /** The parsed JSON body (POST, PUT), else undefined. */
  body: unknown;
}

export type ApiHandler<P> = (ctx: ApiContext<P>) => Promise<Response | Result<unknown>>;

/** Wraps a handler into a Next.js route function (`export const GET = apiRoute('read', …)`). */
export function apiRoute<P = Record<string, never>>(scope: Scope, handler: ApiHandler<P>) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    let rateHeaders: Record<string, string> = {};
    const finish = (res: Response) => {
      for (const [k, v] of Object.entries(rateHeaders)) res.headers.set(k, v);
      return res;
    };
    try {
      const db = await apiDatabase();
      const presented = keyFromHeaders(req.headers);
      const principal = presented ? await authenticateKey(db, presented) : null;
      if (!principal)
        return problem(
          {
            code: 'unauthorized',
            message: presented ? 'This API key is unknown or revoked' : 'Send an API key: Authorization: Bearer oek_…',
          },
          { headers: { 'www-authenticate': 'Bearer' } },
        );
      if (!principal.scopes.includes(scope))
        return problem({ code: 'missing-scope', message: `This API key lacks the “${scope}” scope` });
      const rate = await consumeRate(db, principal.keyId);
      rateHeaders = rate.headers;
      if (!rate.allowed)
        return finish(
          problem({
            code: 'rate-limited',
            message: `Too many requests with this key; retry in ${rate.headers['Retry-After']} s`,
          }),
        );

      const url = new URL(req.url);
      const params = ((await route?.params) ?? {}) as P;
      const hasBody = req.method === 'POST' || req.method === 'PUT';
      const text = hasBody ? await req.text() : '';
      if (Buffer.byteLength(text) > MAX_BODY_BYTES)
        return finish(problem({ code: 'payload-too-large', message: 'The request body is larger than 256 KiB' }));
      let body: unknown;
      if (hasBody) {
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          return finish(problem({ code: 'bad-json', message: 'The request body is not valid JSON' }));
        }
      }
      const run = async () => toResponse(await handler({ principal, db, url, params, body }));
      const response =
        req.method === 'POST'
          ? await withIdempotency(
              db,
              principal.keyId,
              req.headers.get('idempotency-key'),
              { method: req.method, path: url.pathname, body: text },
              run,
            )
          : await run();
      return finish(response);
    } catch (e) {
      logDetail(`API ${req.method} ${new URL(req.url).pathname}`, e);
      return finish(
        problem({
          code: 'unexpected',
          message:
            'Something went wrong on the server; try again. If it persists, the operator can find the details in the server log.',
        }),
      );
    }
  };
}

/** A handler's Result as a response: `data` as JSON, an error as problem+json. */
export function toResponse(result: Response | Result<unknown>): Response {
  if (result instanceof Response) return result;
  return result.ok ? json(result.data) : problem(result.error);
}
