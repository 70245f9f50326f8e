/**
 * The webhook endpoints. Each handler is written once over a "scope" (whose subscriptions the
 * caller may touch) and served twice: to an API key with the `webhooks` scope (its own
 * subscriptions) and to the signed-in settings page (every subscription of the owner's keys).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { apiKeys } from '@/lib/db/schema';
import { getNetwork } from '@/lib/networks/server';
import { fieldErrors } from '@/lib/steps/run';
import { fail, ok, type Result } from '@/lib/stellar/result';
import type { Scope } from '../keys';
import type { ApiContext } from '../route';
import type { SettingsContext } from '../settings-route';
import { DELIVERY_ID, listDeliveries, resendDelivery } from './deliveries';
import { deliveryOut, subscriptionOut } from './schemas';
import {
  createSubscription,
  createSubscriptionSchema,
  deleteSubscription,
  findSubscription,
  listSubscriptions,
  MAX_SUBSCRIPTIONS_PER_KEY,
  type SubscriptionScope,
} from './subscriptions';

type Params = { id?: string; delivery?: string };
interface Call {
  db: Database;
  scope: SubscriptionScope;
  params: Params;
  body: unknown;
  url: URL;
}

const notFound = () => fail('not-found', 'No such webhook subscription of yours');

async function list({ db, scope }: Call): Promise<Result<unknown>> {
  return ok({ data: (await listSubscriptions(db, scope)).map(subscriptionOut) });
}

async function create({ db, body }: Call, key: { keyId: string; owner: string }): Promise<Result<unknown>> {
  const network = await getNetwork();
  const parsed = createSubscriptionSchema(network.name === 'local').safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const made = await createSubscription(db, key, network.name, parsed.data);
  if (!made)
    return fail('too-many-webhooks', `At most ${MAX_SUBSCRIPTIONS_PER_KEY} subscriptions per key: delete one first`);
  return ok({ ...subscriptionOut(made.info), secret: made.secret });
}

/** A malformed subscription or delivery id is bad input (400); a well-formed unknown one is 404. */
function badIds(params: Call['params']): Result<never> | null {
  const errors: Record<string, string[]> = {};
  if (!/^[0-9a-f]{24}$/.test(String(params.id ?? ''))) errors.id = ['24 hex characters'];
  if ('delivery' in params && !DELIVERY_ID.test(String(params.delivery ?? ''))) errors.delivery = ['24 hex characters'];
  return Object.keys(errors).length ? fail('invalid-input', 'Some fields need attention', errors) : null;
}

async function remove({ db, scope, params }: Call): Promise<Result<unknown>> {
  const bad = badIds(params);
  if (bad) return bad;
  const id = String(params.id ?? '');
  return (await deleteSubscription(db, scope, id)) ? ok({ id, deleted: true }) : notFound();
}

async function deliveries({ db, scope, params, url }: Call): Promise<Result<unknown>> {
  const bad = badIds(params);
  if (bad) return bad;
  const raw = url.searchParams.get('limit') ?? '50';
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 200)
    return fail('invalid-input', 'Some fields need attention', { limit: ['1 to 200'] });
  const sub = await findSubscription(db, scope, String(params.id ?? ''));
  if (!sub) return notFound();
  return ok({ data: (await listDeliveries(db, scope, sub.id, Number(raw))).map(deliveryOut) });
}

async function resend({ db, scope, params }: Call): Promise<Result<unknown>> {
  const bad = badIds(params);
  if (bad) return bad;
  const d = await resendDelivery(db, scope, String(params.id ?? ''), String(params.delivery ?? ''));
  if (!d) return fail('not-found', 'No such delivery of yours');
  return ok(deliveryOut(d));
}

/** The API-key routes' scope and their handlers. */
export const WEBHOOKS_SCOPE: Scope = 'webhooks';
const byKey =
  (f: (c: Call) => Promise<Result<unknown>>) =>
  ({ db, principal, params, body, url }: ApiContext<Params>) =>
    f({ db, scope: { keyId: principal.keyId }, params, body, url });

export const keyHandlers = {
  list: byKey(list),
  create: ({ db, principal, params, body, url }: ApiContext<Params>) =>
    create({ db, scope: { keyId: principal.keyId }, params, body, url }, principal),
  remove: byKey(remove),
  deliveries: byKey(deliveries),
  resend: byKey(resend),
};

/** The settings routes: the signed-in owner's subscriptions; a create names one of the owner's live keys with the `webhooks` scope. */
const bySession =
  (f: (c: Call) => Promise<Result<unknown>>) =>
  ({ db, address, params, body, req }: SettingsContext<Params>) =>
    f({ db, scope: { owner: address! }, params, body, url: new URL(req.url) });

export const settingsHandlers = {
  list: bySession(list),
  create: async ({ db, address, params, body, req }: SettingsContext<Params>) => {
    const keyId = (body as { key_id?: unknown } | null)?.key_id;
    const [key] =
      typeof keyId === 'string' && /^[0-9a-f]{24}$/.test(keyId)
        ? await db
            .select()
            .from(apiKeys)
            .where(and(eq(apiKeys.id, keyId), eq(apiKeys.owner, address!), isNull(apiKeys.revokedAt)))
        : [];
    if (!key?.scopes.includes(WEBHOOKS_SCOPE))
      return fail('invalid-input', 'Some fields need attention', {
        key_id: ['Choose one of your keys with the “webhooks” scope'],
      });
    return create(
      { db, scope: { owner: address! }, params, body, url: new URL(req.url) },
      { keyId: key.id, owner: address! },
    );
  },
  remove: bySession(remove),
  deliveries: bySession(deliveries),
  resend: bySession(resend),
};
