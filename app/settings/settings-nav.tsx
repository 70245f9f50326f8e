'use client';
/** The settings pages' own navigation; the page shown is marked as current. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/settings/api-keys', label: 'API keys' },
  { href: '/settings/webhooks', label: 'Webhooks' },
  { href: '/docs/api', label: 'API reference' },
];

export function SettingsNav() {
  const path = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-zinc-200 pb-2 text-sm dark:border-zinc-800">
      <ul className="flex flex-wrap gap-4">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={path === l.href ? 'page' : undefined}
              className={path === l.href ? 'font-semibold no-underline' : undefined}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
