'use client';
/** The header's wallet control: connect, the Local dev wallet's accounts, disconnect. */
import { useEffect, useRef, useState } from 'react';
import { fundWithFriendbot } from '@/lib/actions/fund-with-friendbot';
import { shortAddress } from '@/lib/strkey';
import { buttonClass, inputClass, secondaryButtonClass } from '../forms/field';
import { ASK_BEFORE_SIGNING_KEY } from './dev-wallet-module';
import { useStored, writeStored } from './stored';
import { useWallet } from './wallet-provider';

export function WalletMenu() {
  const w = useWallet();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ask = useStored(ASK_BEFORE_SIGNING_KEY) === '1';
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  async function create() {
    const publicKey = w.dev.create(name.trim());
    setName('');
    setBusy('Funding the new account with friendbot…');
    const res = await fundWithFriendbot({ address: publicKey });
    setBusy(null);
    setMessage(
      res.ok
        ? `Created and funded ${shortAddress(publicKey)} with XLM`
        : `Created ${shortAddress(publicKey)}; ${res.error.message}`,
    );
  }

  const current = w.dev.accounts.find((a) => a.publicKey === w.address);
  return (
    <div className="relative">
      <button
        ref={toggle}
        type="button"
        className={w.address ? secondaryButtonClass : buttonClass}
        aria-expanded={open}
        aria-controls="wallet-panel"
        onClick={() => setOpen((o) => !o)}
        data-testid="wallet-button"
      >
        {w.address ? (
          <span>
            {current ? `${current.name} · ` : ''}
            <span className="font-mono">{shortAddress(w.address)}</span>
          </span>
        ) : (
          'Connect wallet'
        )}
      </button>
      {open ? (
        <div
          id="wallet-panel"
          ref={panel}
          role="region"
          aria-label="Wallet"
          className="absolute right-0 z-20 mt-2 w-[min(92vw,26rem)] space-y-4 rounded-lg border border-zinc-200 bg-white p-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {w.address ? (
            <div className="space-y-1">
              <p className="text-zinc-600 dark:text-zinc-400">Connected ({w.walletName})</p>
              <p className="break-all font-mono text-xs" data-testid="connected-address">
                {w.address}
              </p>
            </div>
          ) : null}
          {w.dev.available ? (
            <section aria-labelledby="dev-wallet-title" className="space-y-2">
              <h2 id="dev-wallet-title" className="font-semibold">
                Local dev wallet
              </h2>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Keys stay in this browser (localStorage). For the local network only.
              </p>
              {w.dev.accounts.length ? (
                <fieldset className="space-y-1">
                  <legend className="sr-only">Active account</legend>
                  {w.dev.accounts.map((a) => (
                    <label key={a.publicKey} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name="dev-account"
                        checked={w.kind === 'dev' && a.publicKey === w.address}
                        onChange={() => w.dev.switchTo(a.publicKey)}
                      />
                      <span>{a.name}</span>
                      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                        {shortAddress(a.publicKey)}
                      </span>
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {current ? (
                <label className="block">
                  <span className="text-xs">Name of the active account</span>
                  <input
                    className={inputClass}
                    value={current.name}
                    onChange={(e) => w.dev.rename(current.publicKey, e.target.value)}
                  />
                </label>
              ) : null}
              <div className="space-y-1">
                <label className="block text-xs" htmlFor="new-dev-account">
                  New account name
                </label>
                <div className="flex gap-2">
                  <input
                    id="new-dev-account"
                    className={inputClass}
                    placeholder="e.g. Buyer"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                  />
                  <button type="button" className={secondaryButtonClass} onClick={create} disabled={busy !== null}>
                    Create account
                  </button>
                </div>
              </div>
              <label className="flex items-center gap-2 text-xs">
                <input
                  type="checkbox"
                  checked={ask}
                  onChange={(e) => {
                    writeStored(ASK_BEFORE_SIGNING_KEY, e.target.checked ? '1' : '0');
                  }}
                />
                Ask before signing
              </label>
              {w.kind !== 'dev' && w.dev.accounts.length ? (
                <button type="button" className={secondaryButtonClass} onClick={w.connectDev}>
                  Use the Local dev wallet
                </button>
              ) : null}
            </section>
          ) : null}
          <section className="space-y-2">
            <h2 className="font-semibold">Browser and hardware wallets</h2>
            <button type="button" className={secondaryButtonClass} onClick={() => void w.connectKit()}>
              Freighter, xBull, Albedo, LOBSTR, Ledger…
            </button>
          </section>
          {w.address ? (
            <button type="button" className={secondaryButtonClass} onClick={w.disconnect}>
              Disconnect
            </button>
          ) : null}
          <p aria-live="polite" className="text-xs text-zinc-700 dark:text-zinc-300">
            {busy ?? message ?? ''}
          </p>
          {w.error ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {w.error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
