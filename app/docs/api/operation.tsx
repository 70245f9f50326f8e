import { clientExample, curlExample, type ExampleInput } from './examples';
import { Prose } from './prose';
import { SchemaView } from './schema-view';
import { constraints, resolve, typeOf, type JsonSchema } from './schema';

/** An operation object of the document, as far as the page reads it. */
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  'x-scope'?: string;
  parameters?: ExampleInput['parameters'];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, { schema: JsonSchema }> }>;
}

/** One operation of the document: what it does, its inputs, its answers and its errors, with examples. */
export function OperationView({ doc, method, path, op }: { doc: object; method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content['application/json'].schema;
  const example: ExampleInput = { method, path, parameters: op.parameters ?? [], body };
  const success = op.responses['200'];
  const problems = Object.entries(op.responses)
    .filter(([status]) => status !== '200')
    .map(([status, r]) => [status, resolve<{ description: string; 'x-error-codes'?: string[] }>(doc, r)] as const);
  return (
    <section aria-labelledby={op.operationId} className="mt-10 border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id={op.operationId} className="font-mono text-lg font-bold">
        {method.toUpperCase()} {path}
      </h2>
      <p className="mt-1">{op.summary}</p>
      {op.description && (
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          <Prose text={op.description} />
        </p>
      )}
      <p className="mt-1 text-sm">
        Scope: <code>{op['x-scope'] ?? 'read'}</code> · operation id: <code>{op.operationId}</code>
      </p>

      {!!op.parameters?.length && (
        <>
          <h3 className="mt-4 font-semibold">Parameters</h3>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code>{p.name}</code> ({p.in}
                {p.required ? ', required' : ''}): {typeOf(p.schema)}
                {[p.description, ...constraints(p.schema)].filter(Boolean).map((c) => `; ${c}`)}
              </li>
            ))}
          </ul>
        </>
      )}

      {body && (
        <>
          <h3 className="mt-4 font-semibold">Request body (JSON)</h3>
          <SchemaView doc={doc} schema={body} caption="Fields of the request body" />
        </>
      )}

      <h3 className="mt-4 font-semibold">Responses</h3>
      {success?.content && (
        <SchemaView
          doc={doc}
          schema={success.content['application/json']!.schema}
          caption={`200: ${success.description ?? 'success'}`}
        />
      )}
      <dl className="mt-2 text-sm">
        {problems.map(([status, r]) => (
          <div key={status} className="mt-1">
            <dt className="inline font-medium">{status} (problem+json): </dt>
            <dd className="inline">
              <Prose text={r.description?.split('. Codes:')[0] ?? ''} />. Codes:{' '}
              {(r['x-error-codes'] ?? []).map((c, i) => (
                <span key={c}>
                  {i ? ', ' : ''}
                  <code>{c}</code>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="mt-4 font-semibold">Examples (on your server)</h3>
      <p className="mt-1 text-sm">curl:</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-900">
        <code>{curlExample(example)}</code>
      </pre>
      <p className="mt-2 text-sm">The typed client (lib/client):</p>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-900">
        <code>{clientExample(example)}</code>
      </pre>
    </section>
  );
}
