import type { Metadata } from 'next';
import Link from 'next/link';
import { openApiDocument } from '@/lib/api/openapi';
import { APP_ERROR_CODES } from '@/lib/errors/codes';
import { OperationView, type Operation } from './operation';

export const metadata: Metadata = { title: 'API reference' };

const METHODS = ['get', 'post', 'put', 'delete'];

/**
 * The platform API's reference, rendered on the server from the same OpenAPI document as
 * /api/v1/openapi.json: no script, style or font from elsewhere, so it works offline and under
 * the strict CSP.
 */
export default function ApiReferencePage() {
  const doc = openApiDocument();
  const paths = doc.paths as unknown as Record<string, Record<string, Operation | undefined>>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] }] : [])),
  );
  return (
    <article className="max-w-4xl">
      <h1 className="text-2xl font-bold">Platform API reference</h1>
      <p className="mt-2 max-w-prose">
        {doc.info.description} Every lifecycle step is a prepare endpoint that answers an unsigned transaction; your
        server signs it with the acting person’s key (or hands it to their wallet) and sends it to{' '}
        <code>POST /api/v1/transactions</code>. The machine-readable document is{' '}
        <a href="/api/v1/openapi.json" className="underline">
          /api/v1/openapi.json
        </a>{' '}
        (OpenAPI {doc.openapi}).
      </p>
      <ul className="mt-3 max-w-prose list-disc pl-5 text-sm">
        <li>
          Keys: create one at{' '}
          <Link href="/settings/api-keys" className="underline">
            API keys
          </Link>{' '}
          with the scopes it needs (<code>read</code>, <code>prepare</code>, <code>submit</code>, <code>webhooks</code>
          ); send it as <code>Authorization: Bearer oek_…</code> or <code>x-api-key</code>. Keep it on your server:
          never in a web page.
        </li>
        <li>
          Errors are <code>application/problem+json</code> with a stable <code>code</code> (below) and, for bad input,{' '}
          <code>fieldErrors</code>.
        </li>
        <li>
          Each key has a rate limit per minute (<code>RateLimit</code> headers; a 429 has <code>Retry-After</code>). An{' '}
          <code>Idempotency-Key</code> on a POST replays the stored answer for 24 hours.
        </li>
        <li>
          Amounts in answers are decimal strings of the token’s base units; in requests, decimal amounts in the token’s
          units.
        </li>
      </ul>

      <nav aria-label="Operations" className="mt-6">
        <h2 className="text-lg font-bold">Operations</h2>
        <ul className="mt-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="font-mono">
                {method.toUpperCase()} {path}
              </a>{' '}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>

      {operations.map(({ path, method, op }) => (
        <OperationView key={op.operationId} doc={doc} method={method} path={path} op={op} />
      ))}

      <section aria-labelledby="error-codes" className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
        <h2 id="error-codes" className="text-lg font-bold">
          Error codes
        </h2>
        <p className="mt-1 max-w-prose text-sm">
          Branch on the code; the message is for people and may change. The contract’s own refusals are{' '}
          <code>escrow.&lt;Name&gt;</code> and the token’s <code>token.&lt;Name&gt;</code>; the network’s result codes
          pass through under their XDR names (<code>txBadSeq</code>, …).
        </p>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Error codes and when they happen</caption>
          <thead>
            <tr className="border-b border-zinc-300 dark:border-zinc-700">
              <th scope="col" className="py-1 pr-3">
                Code
              </th>
              <th scope="col" className="py-1">
                When
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(APP_ERROR_CODES).map(([code, when]) => (
              <tr key={code} className="border-b border-zinc-200 align-top dark:border-zinc-800">
                <td className="py-1 pr-3">
                  <code>{code}</code>
                </td>
                <td className="py-1">{when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
