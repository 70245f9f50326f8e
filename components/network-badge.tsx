const COLORS: Record<string, string> = {
  local: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  testnet: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  mainnet: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  custom: 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100',
};

/** The network the app talks to, always visible in the header. */
export function NetworkBadge({ label, name }: { label: string; name: string }) {
  return (
    <span
      data-testid="network-badge"
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[name] ?? COLORS.custom}`}
    >
      <span className="sr-only">Network: </span>
      {label}
    </span>
  );
}
