'use client';
/** Any unexpected failure of a page: say what happened and offer a way on, never a blank screen. */
import Link from 'next/link';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p>{error.message || 'The page could not be shown.'}</p>
      {error.digest ? <p className="text-xs">Reference: {error.digest}</p> : null}
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="underline">
          Try again
        </button>
        <Link href="/">Home</Link>
      </div>
    </div>
  );
}
