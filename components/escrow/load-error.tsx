import Link from 'next/link';
import { NOT_OPENESCROW } from '@/lib/escrow/verify';

/** Why an escrow's page cannot be shown; a look-alike contract gets a warning of its own. */
export function LoadError({ message, code }: { message: string; code?: string }) {
  const lookalike = code === NOT_OPENESCROW;
  return (
    <div
      role="alert"
      data-testid="load-error"
      data-code={code}
      className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-lg font-semibold">
        {lookalike
          ? 'This contract is not an OpenEscrow escrow — do not send it funds'
          : 'This escrow could not be shown'}
      </h1>
      {lookalike ? (
        <p>
          Its code is not a released OpenEscrow build for this network, so nothing it reports about itself (amounts,
          roles, state) can be trusted, and this app prepares no transaction for it. If someone sent you this link as an
          escrow, treat it as an attempt to take your funds.
        </p>
      ) : (
        <p>{message}</p>
      )}
      <Link href="/">Back home</Link>
    </div>
  );
}
