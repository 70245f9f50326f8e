'use client';
/** One subscription's delivery log, newest first, each delivery's last attempts, with "send again". */
import { useCallback, useEffect, useState } from 'react';
import { call } from '../call';

interface Attempt {
  number: number;
  at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

interface Delivery {
  id: string;
  event_type: string;
  escrow_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  attempt_log: Attempt[];
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function Deliveries({ subscriptionId }: { subscriptionId: string }) {
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/webhooks/settings/${subscriptionId}/deliveries`;

  const refresh = useCallback(
    () =>
      call<{ data: Delivery[] }>(base).then((r) => {
        if (r.ok) setRows(r.data.data);
        else setError(r.message);
      }),
    [base],
  );

  // Fetches the log from the server when the subscription changes.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function resend(id: string) {
    const r = await call(`${base}/${id}/resend`, 'POST', {});
    if (!r.ok) setError(r.message);
    await refresh();
  }

  if (!rows) return <p className="text-sm">Loading deliveries…</p>;
  return (
    <div className="mt-2">
      <button type="button" className="text-sm underline" onClick={() => void refresh()}>
        Refresh
      </button>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="text-sm">No deliveries yet.</p>
      ) : (
        <table className="mt-2 w-full text-left text-xs" data-testid="deliveries">
          <caption className="sr-only">Deliveries</caption>
          <thead>
            <tr>
              <th>Event</th>
              <th>Escrow</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last answer</th>
              <th>Latency</th>
              <th>Next try</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-testid="delivery">
                <td>{d.event_type}</td>
                <td>
                  <code>{d.escrow_id.slice(0, 8)}…</code>
                </td>
                <td>{d.status}</td>
                <td>{d.attempt_log.length === 0 ? d.attempts : <AttemptLog delivery={d} />}</td>
                <td>{d.last_status_code ?? d.last_error ?? '—'}</td>
                <td>{d.last_latency_ms === null ? '—' : `${d.last_latency_ms} ms`}</td>
                <td>{when(d.next_attempt_at)}</td>
                <td>
                  <button type="button" className="underline" onClick={() => void resend(d.id)}>
                    Send again
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A delivery's logged attempts, folded under its count. */
function AttemptLog({ delivery }: { delivery: Delivery }) {
  return (
    <details data-testid="attempt-log">
      <summary>{delivery.attempts}</summary>
      <ol className="mt-1 space-y-0.5">
        {delivery.attempt_log.map((a) => (
          <li key={a.number} data-testid="attempt">
            #{a.number} {when(a.at)}: {a.status_code ?? '—'}
            {a.error && a.error !== `HTTP ${a.status_code}` ? ` ${a.error}` : ''}, {a.latency_ms} ms
          </li>
        ))}
      </ol>
      {delivery.attempts > delivery.attempt_log.length && (
        <p>(the {delivery.attempts - delivery.attempt_log.length} before are not kept)</p>
      )}
    </details>
  );
}
