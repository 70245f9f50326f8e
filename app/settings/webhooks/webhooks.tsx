'use client';
/**
 * The signed-in owner's webhook subscriptions: create one for a key with the "webhooks" scope
 * (the signing secret is shown once), list, delete, and each one's delivery log.
 */
import { useCallback, useEffect, useState } from 'react';
import { EVENT_TYPES } from '@/lib/api/webhooks/event-types';
import { call } from '../call';
import { Deliveries } from './deliveries';

interface Subscription {
  id: string;
  key_id: string;
  url: string;
  event_types: string[];
  escrow_ids: string[] | null;
  created_at: string;
}
interface Key {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
}

const button = 'rounded-md bg-zinc-900 px-3 py-1.5 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900';

export function Webhooks() {
  const [address, setAddress] = useState<string | null | undefined>(undefined);
  const [keys, setKeys] = useState<Key[]>([]);
  const [subs, setSubs] = useState<Subscription[]>([]);
  const [keyId, setKeyId] = useState('');
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<string[]>([...EVENT_TYPES]);
  const [escrows, setEscrows] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [k, s] = await Promise.all([
      call<{ data: Key[] }>('/api/v1/keys'),
      call<{ data: Subscription[] }>('/api/v1/webhooks/settings'),
    ]);
    if (k.ok) {
      const usable = k.data.data.filter((x) => x.scopes.includes('webhooks'));
      setKeys(usable);
      setKeyId((current) => current || usable[0]?.id || '');
    }
    if (s.ok) setSubs(s.data.data);
  }, []);

  useEffect(() => {
    void call<{ address: string }>('/api/v1/auth/session').then((r) => {
      setAddress(r.ok ? r.data.address : null);
      if (r.ok) void refresh();
    });
  }, [refresh]);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const ids = escrows.split(/[\s,]+/).filter(Boolean);
    const r = await call<{ secret: string }>('/api/v1/webhooks/settings', 'POST', {
      key_id: keyId,
      url,
      event_types: types,
      escrow_ids: ids.length ? ids : null,
    });
    if (!r.ok)
      return setError(
        r.fields
          ? Object.entries(r.fields)
              .map(([f, m]) => `${f}: ${m.join(' ')}`)
              .join(' ')
          : r.message,
      );
    setSecret(r.data.secret);
    setUrl('');
    setEscrows('');
    await refresh();
  }

  async function remove(id: string) {
    const r = await call(`/api/v1/webhooks/settings/${id}`, 'DELETE', {});
    if (!r.ok) setError(r.message);
    await refresh();
  }

  if (address === undefined) return null;
  if (address === null)
    return (
      <p className="mt-6">
        <a className="underline" href="/settings/api-keys">
          Sign in with your wallet on the API keys page
        </a>{' '}
        first, and create a key with the “webhooks” scope.
      </p>
    );

  return (
    <section className="mt-6 space-y-6">
      {secret && (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950">
          <p className="font-semibold">The subscription’s signing secret — copy it now, it is not shown again:</p>
          <code data-testid="new-webhook-secret" className="break-all">
            {secret}
          </code>
        </div>
      )}
      {keys.length === 0 ? (
        <p>
          None of your keys has the “webhooks” scope: <a href="/settings/api-keys">create one</a>.
        </p>
      ) : (
        <form onSubmit={create} className="space-y-3" aria-label="Create a subscription">
          <label className="block">
            Key
            <select className="ml-2 rounded border px-2 py-1" value={keyId} onChange={(e) => setKeyId(e.target.value)}>
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} ({k.prefix}…)
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            URL
            <input
              className="ml-2 w-96 rounded border px-2 py-1"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://example.com/webhooks/escrow"
              required
            />
          </label>
          <fieldset>
            <legend>Events</legend>
            {EVENT_TYPES.map((t) => (
              <label key={t} className="mr-4 inline-block">
                <input
                  type="checkbox"
                  checked={types.includes(t)}
                  onChange={(e) => setTypes(e.target.checked ? [...types, t] : types.filter((x) => x !== t))}
                />{' '}
                {t}
              </label>
            ))}
          </fieldset>
          <label className="block">
            Only these escrows (contract ids; empty for every escrow where you hold a role)
            <textarea
              className="mt-1 block w-full rounded border px-2 py-1 font-mono text-xs"
              value={escrows}
              onChange={(e) => setEscrows(e.target.value)}
              rows={2}
            />
          </label>
          <button type="submit" className={button}>
            Create subscription
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-red-700" data-testid="webhook-error">
          {error}
        </p>
      )}
      <ul className="space-y-4" aria-label="Your subscriptions">
        {subs.map((s) => (
          <li key={s.id} className="rounded border p-3" data-testid="subscription">
            <p>
              <code>{s.url}</code> — {s.escrow_ids ? `${s.escrow_ids.length} escrows` : 'all your escrows'},{' '}
              {s.event_types.length === EVENT_TYPES.length ? 'every event' : s.event_types.join(', ')}
            </p>
            <p className="text-xs">Key {keys.find((k) => k.id === s.key_id)?.name ?? s.key_id}</p>
            <button type="button" className="mr-4 underline" onClick={() => setOpen(open === s.id ? null : s.id)}>
              {open === s.id ? 'Hide deliveries' : 'Deliveries'}
            </button>
            <button
              type="button"
              className="underline"
              onClick={() => void remove(s.id)}
              aria-label={`Delete ${s.url}`}
            >
              Delete
            </button>
            {open === s.id && <Deliveries subscriptionId={s.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
