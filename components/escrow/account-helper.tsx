'use client';
/**
 * The connected account's standing with the escrow's token — XLM, trustline, balance — and the
 * fixes: XLM from friendbot (local, testnet), "Add trustline" (signed by the wallet), test tokens
 * from localnet's faucet.
 */
import { useCallback, useEffect, useState } from 'react';
import { accountStatus, type AccountStatus } from '@/lib/actions/account-status';
import { faucetToken } from '@/lib/actions/faucet-token';
import { fundWithFriendbot } from '@/lib/actions/fund-with-friendbot';
import { prepareTrustline } from '@/lib/actions/prepare-trustline';
import { tryParseAmount } from '@/lib/amounts';
import { secondaryButtonClass } from '../forms/field';

/** Below this (in stroops) friendbot is offered: enough for fees and a few trustline reserves. */
const LOW_XLM = 100n * 10_000_000n;
import { useStep } from '../steps/use-step';
import { StepProgress } from '../steps/step-progress';
import { useWallet } from '../wallet/wallet-provider';

export function AccountHelper({ token }: { token: string }) {
  const { address } = useWallet();
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const trust = useStep();

  const refresh = useCallback(async () => {
    if (!address) return setStatus(null);
    const r = await accountStatus({ address, token });
    setStatus(r.ok ? r.data : null);
    if (!r.ok) setNote(r.error.message);
  }, [address, token]);

  // Fetches the account's status from the server whenever the account or the token changes
  // (no localStorage here: a request whose answer lands in state).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  if (!address || !status) return null;
  const t = status.token;
  async function act(f: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    setNote('Working…');
    const r = await f();
    setNote(r.ok ? done : (r.error?.message ?? 'Failed'));
    await refresh();
  }
  return (
    <section
      aria-labelledby="your-account"
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="account-helper"
    >
      <h2 id="your-account" className="font-medium">
        Your account
      </h2>
      {!status.exists ? (
        <p>This account does not exist on the network yet: it needs XLM.</p>
      ) : (
        <p>
          XLM: <span className="tabular-nums">{status.xlm}</span>
          {t ? (
            <>
              {' '}
              · {t.symbol}:{' '}
              <span className="tabular-nums" data-testid="token-balance">
                {t.trustline ? (t.balance ?? '0') : 'no trustline'}
              </span>
            </>
          ) : null}
        </p>
      )}
      {t && status.exists && t.classic && !t.trustline ? (
        <p role="status" className="text-amber-800 dark:text-amber-300">
          Missing trustline: this account cannot hold {t.symbol} until it adds a trustline for it.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {status.friendbot && (!status.exists || (tryParseAmount(status.xlm ?? '0', 7) ?? 0n) < LOW_XLM) ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => act(() => fundWithFriendbot({ address }), 'XLM received from friendbot')}
          >
            Get XLM (friendbot)
          </button>
        ) : null}
        {t && status.exists && t.classic && !t.trustline ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={async () => {
              await trust.run(() => prepareTrustline({ source: address, token }));
              await refresh();
            }}
          >
            Add trustline
          </button>
        ) : null}
        {t && status.faucet && t.trustline ? (
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => act(() => faucetToken({ address, token }), `Test ${t.symbol} received`)}
          >
            Get test {t.symbol}
          </button>
        ) : null}
      </div>
      <StepProgress state={trust.state} />
      <p aria-live="polite">{note}</p>
    </section>
  );
}
