'use client';
/**
 * Sign in with the connected wallet (it signs a SEP-10 challenge), then create, list and revoke
 * API keys. A new key is shown once.
 */
import { useCallback, useEffect, useState } from 'react';
import { useWallet } from '@/components/wallet/wallet-provider';
import { call } from '../call';

const SCOPES = ['read', 'prepare', 'submit', 'webhooks'] as const;

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
}

export function ApiKeys() {
  const wallet = useWallet();
  const [address, setAddress] = useState<string | null>(null);
  const [keys, setKeys] = useState<KeyRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read', 'prepare', 'submit']);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const r = await call<{ data: KeyRow[] }>('/api/v1/keys');
    if (r.ok) setKeys(r.data.data);
  }, []);

  useEffect(() => {
    void call<{ address: string }>('/api/v1/auth/session').then((r) => {
      if (r.ok) {
        setAddress(r.data.address);
        void refresh();
      }
    });
  }, [refresh]);

  async function signIn() {
    if (!wallet.address) return;
    setBusy(true);
    setError(null);
    try {
      const c = await call<{ transaction: string }>('/api/v1/auth/challenge', 'POST', { address: wallet.address });
      if (!c.ok) throw new Error(c.message);
      const signed = await wallet.signTransaction(c.data.transaction);
      const s = await call<{ address: string }>('/api/v1/auth/session', 'POST', { transaction: signed });
      if (!s.ok) throw new Error(s.message);
      setAddress(s.data.address);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    await call('/api/v1/auth/session', 'DELETE', {});
    setAddress(null);
    setKeys([]);
    setCreated(null);
  }

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await call<{ key: string }>('/api/v1/keys', 'POST', { name, scopes });
    if (!r.ok) return setError(r.fields ? Object.values(r.fields).flat().join(' ') : r.message);
    setCreated(r.data.key);
    setName('');
    await refresh();
  }

  async function revoke(id: string) {
    const r = await call(`/api/v1/keys/${id}`, 'DELETE', {});
    if (!r.ok) setError(r.message);
    await refresh();
  }

  if (!address)
    return (
      <section className="mt-6">
        {wallet.address ? (
          <button
            type="button"
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
            onClick={signIn}
            disabled={busy}
          >
            Sign in with your wallet
          </button>
        ) : (
          <p>Connect a wallet (top right) to sign in.</p>
        )}
        {error && (
          <p role="alert" className="mt-3 text-red-700">
            {error}
          </p>
        )}
      </section>
    );

  return (
    <section className="mt-6 space-y-6">
      <p className="text-sm">
        Signed in as <code data-testid="signed-in-address">{address}</code>.{' '}
        <button type="button" className="underline" onClick={signOut}>
          Sign out
        </button>
      </p>
      {created && (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950">
          <p className="font-semibold">Your new key — copy it now, it is not shown again:</p>
          <code data-testid="new-api-key" className="break-all">
            {created}
          </code>
        </div>
      )}
      <form onSubmit={create} className="space-y-3" aria-label="Create a key">
        <label className="block">
          Name
          <input
            className="ml-2 rounded border px-2 py-1"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={64}
            required
          />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s} className="mr-4">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />{' '}
              {s}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="rounded-md bg-zinc-900 px-3 py-1.5 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Create key
        </button>
      </form>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your API keys</caption>
        <thead>
          <tr>
            <th>Name</th>
            <th>Key</th>
            <th>Scopes</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{k.scopes.join(', ')}</td>
              <td>{new Date(k.created_at).toLocaleString()}</td>
              <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : 'never'}</td>
              <td>
                <button
                  type="button"
                  className="underline"
                  onClick={() => revoke(k.id)}
                  aria-label={`Revoke ${k.name}`}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
