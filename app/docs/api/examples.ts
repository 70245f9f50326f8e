/** The reference page's server-side examples of one operation: curl and the typed client. */
import { sample, type JsonSchema } from './schema';

export interface ExampleInput {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema }[];
  body?: JsonSchema;
}

/** What an example puts in a path parameter: an escrow id, a milestone index, else the name in capitals. */
function pathValue(name: string): string | number {
  if (name === 'id') return 'C…';
  if (name === 'index') return 0;
  return name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

/** `curl` with the app's origin and the key from the environment. */
export function curlExample(op: ExampleInput): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => String(pathValue(name)));
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${String(sample(p.schema))}`)
    .join('&');
  const url = `$OPENESCROW_URL/api/v1${path}${query ? `?${query}` : ''}`;
  const lines = [`curl -X ${op.method.toUpperCase()} "${url}"`, `  -H "Authorization: Bearer $OPENESCROW_KEY"`];
  if (op.body) {
    lines.push(`  -H "content-type: application/json"`);
    if (op.method === 'post') lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(sample(op.body))}'`);
  }
  return lines.join(' \\\n');
}

/** The same call with the typed client (lib/client), on a server. */
export function clientExample(op: ExampleInput): string {
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p.name)]));
  const query = Object.fromEntries(
    op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sample(p.schema)]),
  );
  const params = {
    ...(Object.keys(path).length ? { path } : {}),
    ...(Object.keys(query).length ? { query } : {}),
  };
  const init = [
    ...(Object.keys(params).length ? [`params: ${JSON.stringify(params)}`] : []),
    ...(op.body ? [`body: ${JSON.stringify(sample(op.body))}`] : []),
  ];
  return [
    `import { createOpenEscrowClient } from './lib/client';`,
    `const api = createOpenEscrowClient({ baseUrl: process.env.OPENESCROW_URL!, apiKey: process.env.OPENESCROW_KEY! });`,
    `const { data, error } = await api.${op.method.toUpperCase()}('${op.path}'${init.length ? `, { ${init.join(', ')} }` : ''});`,
  ].join('\n');
}
