/**
 * The wrapper of the settings routes (sign-in, keys) that a signed-in browser calls: a
 * state-changing request must come from this app's own origin (a foreign page cannot make the
 * browser revoke or create keys), and, unless `public`, carry a live session.
 */
import type { Result } from '../stellar/result';
import { logDetail } from '../log';
import { apiDatabase } from './db';
import { problem } from './problem';
import { toResponse, MAX_BODY_BYTES } from './route';
import { sessionAddress, sessionToken } from './session';
import type { Database } from '../db/client';

export interface SettingsContext<P> {
  db: Database;
  req: Request;
  /** The signed-in address (null only on public routes). */
  address: string | null;
  params: P;
  body: unknown;
  /** The app's host name, the SEP-10 home and web-auth domain. */
  domain: string;
}

/** True when a state-changing request comes from the page's own origin. */
export function sameOrigin(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const origin = req.headers.get('origin');
  const host = req.headers.get('host') ?? new URL(req.url).host;
  if (!origin) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function settingsRoute<P = Record<string, never>>(
  options: { public?: boolean },
  handler: (ctx: SettingsContext<P>) => Promise<Response | Result<unknown>>,
) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    try {
      if (!sameOrigin(req))
        return problem({ code: 'foreign-origin', message: 'This request must come from this app’s own pages' });
      const db = await apiDatabase();
      const address = await sessionAddress(db, sessionToken(req.headers));
      if (!address && !options.public)
        return problem({ code: 'unauthorized', message: 'Sign in with your wallet first' });
      const text = req.method === 'GET' ? '' : await req.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES)
        return problem({ code: 'payload-too-large', message: 'The request body is too large' });
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return problem({ code: 'bad-json', message: 'The request body is not valid JSON' });
      }
      const host = req.headers.get('host') ?? new URL(req.url).host;
      const params = ((await route?.params) ?? {}) as P;
      return toResponse(await handler({ db, req, address, params, body, domain: host.replace(/:\d+$/, '') }));
    } catch (e) {
      logDetail(`settings ${req.method} ${new URL(req.url).pathname}`, e);
      return problem({ code: 'unexpected', message: 'Something went wrong on the server; try again.' });
    }
  };
}
