/**
 * The create page's first choice: a use case to start from (a link each, so a platform can send
 * its users straight to one), and who does what in the chosen one.
 */
import Link from 'next/link';
import { partiesToName } from '@/lib/templates/apply';
import { TEMPLATES, type EscrowTemplate } from '@/lib/templates/templates';

export function TemplatePicker({ chosen }: { chosen: EscrowTemplate }) {
  const parties = partiesToName(chosen);
  return (
    <section aria-labelledby="template-title" className="space-y-3">
      <h2 id="template-title" className="text-lg font-semibold">
        Start from a use case
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {TEMPLATES.map((t) => {
          const current = t.id === chosen.id;
          return (
            <li key={t.id}>
              <Link
                href={`/escrows/new?template=${t.id}`}
                aria-current={current ? 'true' : undefined}
                scroll={false}
                className={`block h-full rounded-lg border p-3 text-sm no-underline ${
                  current
                    ? 'border-indigo-600 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950'
                    : 'border-zinc-200 bg-white hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900'
                }`}
              >
                <span className="block font-medium text-zinc-900 dark:text-zinc-100">{t.name}</span>
                <span className="block text-zinc-700 dark:text-zinc-300">{t.tagline}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <div
        className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        data-testid="template-explainer"
      >
        <h3 className="font-medium">{chosen.name}: who does what</h3>
        <p className="text-zinc-700 dark:text-zinc-300">{chosen.whoDoesWhat}</p>
        {parties.length ? (
          <>
            <p className="text-zinc-700 dark:text-zinc-300">
              Your connected wallet fills in your roles. Enter the address of
            </p>
            <ul className="list-disc pl-5 text-zinc-700 dark:text-zinc-300">
              {parties.map((p) => (
                <li key={p.party}>
                  {p.party} as {p.labels.join(', ')}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="text-zinc-600 dark:text-zinc-400">Every field below stays editable.</p>
      </div>
    </section>
  );
}
