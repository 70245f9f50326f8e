'use client';
/**
 * The dashboard's filters as a GET form: before any script loads it sends itself as it is; after,
 * it goes to the short link of the same query (blank fields and defaults left out), written by
 * the one URL writer the page and the CSV share (lib/db/queries/dashboard-query.ts).
 */
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { FormEvent } from 'react';
import { dashboardHref, parseDashboardQuery, type DashboardQuery } from '@/lib/db/queries/dashboard-query';
import { KINDS, ROLES, STATUSES } from '@/lib/db/vocabulary';
import { buttonClass, inputClass, secondaryButtonClass } from '@/components/forms/styles';
import { KIND_LABELS, ROLE_LABELS, STATUS_LABELS } from './labels';

function Select({
  name,
  label,
  value,
  options,
  any = true,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  /** Offer "Any" (no filter) first. */
  any?: boolean;
}) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ''} className={inputClass}>
        {any ? <option value="">Any</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FiltersForm({ query, tokens }: { query: DashboardQuery; tokens: [id: string, name: string][] }) {
  const router = useRouter();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const form = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === 'string') form.append(k, v);
    // A value the parser refuses goes to the server as typed, which shows why.
    const parsed = parseDashboardQuery(form, 'any');
    if (!parsed.ok) return;
    e.preventDefault();
    router.push(dashboardHref(parsed.query));
  };
  return (
    <form
      action="/escrows"
      method="get"
      role="search"
      aria-label="Filter your escrows"
      className="space-y-3"
      onSubmit={submit}
    >
      <input type="hidden" name="address" value={query.address} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="block space-y-1 text-sm sm:col-span-2">
          <span className="font-medium">Search title or engagement id</span>
          <input type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} className={inputClass} />
        </label>
        <Select name="role" label="Your role" value={query.role[0]} options={ROLES.map((r) => [r, ROLE_LABELS[r]])} />
        <Select
          name="status"
          label="Status"
          value={query.status[0]}
          options={STATUSES.map((s) => [s, STATUS_LABELS[s]])}
        />
        <Select name="kind" label="Kind" value={query.kind[0]} options={KINDS.map((k) => [k, KIND_LABELS[k]])} />
        <Select name="token" label="Token" value={query.token[0]} options={tokens} />
        <label className="block space-y-1 text-sm">
          <span className="font-medium">Created from</span>
          <input type="date" name="from" defaultValue={query.from ?? ''} className={inputClass} />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">Created until (inclusive)</span>
          <input type="date" name="to" defaultValue={query.to ?? ''} className={inputClass} />
        </label>
        <Select
          name="sort"
          label="Sort by"
          value={query.sort}
          any={false}
          options={[
            ['created', 'Created'],
            ['amount', 'Amount'],
          ]}
        />
        <Select
          name="order"
          label="Order"
          value={query.order}
          any={false}
          options={[
            ['desc', 'Newest or largest first'],
            ['asc', 'Oldest or smallest first'],
          ]}
        />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass}>
          Apply filters
        </button>
        <Link href={dashboardHref({ address: query.address })} className={`${secondaryButtonClass} no-underline`}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
