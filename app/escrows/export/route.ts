/**
 * GET /escrows/export?address=G…&…: every escrow the dashboard's filters mean, as CSV (the whole
 * list, not the page on screen), streamed page by page from the read model. Bad parameters get
 * a 400 with the sentence the page would show.
 */
import { appReadModel } from '@/lib/indexer/server';
import { getNetwork } from '@/lib/networks/server';
import { logDetail } from '@/lib/log';
import { limitAction } from '@/lib/rate-limit';
import { parseDashboardQuery } from '@/lib/db/queries/dashboard-query';
import { exportEscrowsCsv } from '@/lib/db/queries/export-csv';
import { PARAM_LABELS } from '@/components/dashboard/labels';

export const dynamic = 'force-dynamic';

const text = (status: number, body: string) =>
  new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

export async function GET(request: Request): Promise<Response> {
  // A large export reads many pages: it costs like several actions.
  const limited = await limitAction(5);
  if (limited) return text(429, limited.error.message);
  const network = await getNetwork();
  const parsed = parseDashboardQuery(new URL(request.url).searchParams, network.name);
  if (!parsed.ok)
    return text(
      400,
      Object.entries(parsed.fieldErrors)
        .map(([field, m]) => `${PARAM_LABELS[field] ?? field}: ${m!.join('; ')}`)
        .join('\n'),
    );
  let db;
  try {
    db = (await appReadModel()).db;
  } catch (e) {
    logDetail('csv export', e);
    return text(503, 'The list of escrows could not be read just now; try again in a moment.');
  }
  const chunks = exportEscrowsCsv(db, parsed.filter, { sort: parsed.page.sort, order: parsed.page.order });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        // Headers are gone already: cut the file short rather than end it as if complete.
        logDetail('csv export', e);
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="escrows-${parsed.filter.address.slice(0, 8)}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
