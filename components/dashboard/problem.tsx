/** The dashboard's error states: what went wrong, in words, and what to do about it. */
import Link from 'next/link';

export function Problem({
  title,
  messages,
  retry,
}: {
  title: string;
  messages: string[];
  /** Where to start again (e.g. the dashboard without filters). */
  retry: { href: string; label: string };
}) {
  return (
    <div
      role="alert"
      data-testid="dashboard-problem"
      className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      <ul className="list-disc pl-5 text-sm">
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <Link href={retry.href}>{retry.label}</Link>
    </div>
  );
}
