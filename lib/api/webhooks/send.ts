/**
 * One attempt: sign the payload per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, with the `standardwebhooks` package) and POST it, within a timeout. Any
 * 2xx is a success; redirects are not followed (a redirect could lead to a private address).
 */
import { Webhook } from 'standardwebhooks';
import { resolvedTargetProblem } from './url-check';

export const SEND_TIMEOUT_MS = 10_000;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** The headers and body of one signed delivery (exported for tests and for receivers' examples). */
export function signedRequest(secret: string, webhookId: string, payload: unknown, now = new Date()) {
  const body = JSON.stringify(payload);
  const signature = new Webhook(secret).sign(webhookId, now, body);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'OpenEscrow-Webhooks/1',
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}

/** Sends one delivery and says how it went; never throws. */
export async function attemptDelivery(
  target: { url: string; secret: string },
  webhookId: string,
  payload: unknown,
  options: { allowLocal: boolean; timeoutMs?: number },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const refused = await resolvedTargetProblem(target.url, options.allowLocal);
  if (refused) return { ok: false, statusCode: null, latencyMs: elapsed(), error: refused };
  const { body, headers } = signedRequest(target.secret, webhookId, payload);
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? SEND_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, latencyMs: elapsed(), error: ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    const reason = (cause?.code ?? cause?.message ?? (e as Error).message).slice(0, 200);
    return { ok: false, statusCode: null, latencyMs: elapsed(), error: timedOut ? 'Timed out' : reason };
  }
}
