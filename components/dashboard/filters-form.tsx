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
}: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
}) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={value} className={inputClass}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A filter that takes several values (the URL repeats it): checkboxes in a group; none ticked is any. */
function Choices({
  name,
  legend,
  values,
  options,
}: {
  name: string;
  legend: string;
  values: readonly string[];
  options: [string, string][];
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="font-medium">
        {legend} <span className="font-normal text-zinc-600 dark:text-zinc-400">(none ticked: any)</span>
      </legend>
      {options.map(([v, text]) => (
        <label key={v} className="flex items-center gap-2">
          <input type="checkbox" name={name} value={v} defaultChecked={values.includes(v)} className="size-4" />
          {text}
        </label>
      ))}
    </fieldset>
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
          options={[
            ['created', 'Created'],
            ['amount', 'Amount'],
          ]}
        />
        <Select
          name="order"
          label="Order"
          value={query.order}
          options={[
            ['desc', 'Newest or largest first'],
            ['asc', 'Oldest or smallest first'],
          ]}
        />
        {/* The long lists last, side by side, so the short fields above stay in rows. */}
        <Choices name="kind" legend="Kind" values={query.kind} options={KINDS.map((k) => [k, KIND_LABELS[k]])} />
        <Choices name="token" legend="Token" values={query.token} options={tokens} />
        <Choices name="role" legend="Your role" values={query.role} options={ROLES.map((r) => [r, ROLE_LABELS[r]])} />
        <Choices
          name="status"
          legend="Status"
          values={query.status}
          options={STATUSES.map((s) => [s, STATUS_LABELS[s]])}
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
