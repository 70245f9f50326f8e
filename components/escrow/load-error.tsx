import Link from 'next/link';

export function LoadError({ message }: { message: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <h1 className="text-lg font-semibold">This escrow could not be shown</h1>
      <p>{message}</p>
      <Link href="/">Back home</Link>
    </div>
  );
}
