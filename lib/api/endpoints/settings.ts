/**
 * The settings endpoints a signed-in browser calls: SEP-10 sign-in and sign-out, and the
 * signed-in address's API keys (create, list, revoke).
 */
import { fieldErrors } from '../../steps/run';
import { getNetwork } from '../../networks/server';
import { fail, ok, type Result } from '../../stellar/result';
import { createKey, createKeySchema, listKeys, MAX_KEYS_PER_OWNER, revokeKey } from '../keys';
import { json, problem } from '../problem';
import { challengeFor, sessionCookie, sessionToken, signIn, signOut } from '../session';
import type { SettingsContext } from '../settings-route';

const secure = (req: Request) => new URL(req.url).protocol === 'https:';

export async function postChallenge({ body, domain }: SettingsContext<unknown>): Promise<Result<unknown>> {
  const network = await getNetwork();
  return challengeFor(network.passphrase, (body as { address?: unknown })?.address, domain);
}

export async function postSession({ db, body, domain, req }: SettingsContext<unknown>): Promise<Response> {
  const network = await getNetwork();
  const signed = await signIn(db, network.passphrase, (body as { transaction?: unknown })?.transaction, domain);
  if (!signed.ok) return problem(signed.error);
  return json(
    { address: signed.data.address },
    { headers: { 'set-cookie': sessionCookie(signed.data.token, secure(req)) } },
  );
}

export async function getSession({ address }: SettingsContext<unknown>): Promise<Result<unknown>> {
  return ok({ address });
}

export async function deleteSession({ db, req }: SettingsContext<unknown>): Promise<Response> {
  await signOut(db, sessionToken(req.headers));
  return json({ signed_out: true }, { headers: { 'set-cookie': sessionCookie('', secure(req), 0) } });
}

export async function getKeys({ db, address }: SettingsContext<unknown>): Promise<Result<unknown>> {
  const keys = await listKeys(db, address!);
  return ok({ data: keys.map(keyJson) });
}

export async function postKey({ db, address, body }: SettingsContext<unknown>): Promise<Result<unknown>> {
  const parsed = createKeySchema.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const made = await createKey(db, address!, parsed.data);
  if (!made) return fail('too-many-keys', `At most ${MAX_KEYS_PER_OWNER} keys per account: revoke one first`);
  return ok({ key: made.key, ...keyJson(made.info) });
}

export async function deleteKey({ db, address, params }: SettingsContext<{ id: string }>): Promise<Result<unknown>> {
  const id = String(params.id ?? '');
  if (!/^[0-9a-f]{24}$/.test(id) || !(await revokeKey(db, address!, id)))
    return fail('not-found', 'No such key of yours');
  return ok({ id, revoked: true });
}

function keyJson(k: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
}) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
  };
}
