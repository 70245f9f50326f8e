import { tokenIdentity, type TokenInfo } from '@/lib/tokens';

/** Which token this escrow holds, by identity; a token the network does not know gets a warning. */
export function TokenIdentity({ token }: { token: TokenInfo }) {
  if (token.known)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="token-identity">
        Token: <span className="break-all">{tokenIdentity(token)}</span>
      </p>
    );
  return (
    <p
      role="note"
      data-testid="token-identity"
      data-unverified="true"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>Unverified token.</strong> <span className="break-all">This escrow holds an {tokenIdentity(token)}.</span>{' '}
      It is not one of this network’s known tokens: anyone can issue an asset or deploy a contract with any name, so
      check that this is the token you expect before you fund or accept it.
    </p>
  );
}
