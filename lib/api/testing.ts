/**
 * For the API's tests and benchmark: every operation of the OpenAPI document paired with the
 * route handler that serves it, found under app/api/v1/ by Next.js's own rule (a folder of that
 * name, else the folder's one `[param]` folder), so a test calls the handlers directly with
 * Request objects and a new endpoint is covered without being listed anywhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Scope } from './keys';
import { openApiDocument } from './openapi';

const ROUTES_DIR = path.join(process.cwd(), 'app/api/v1');

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What a documented parameter looks like (the part the tests read). */
export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: { type?: string | string[]; maximum?: number; pattern?: string };
}

export interface ApiOperation {
  method: 'get' | 'post' | 'put';
  /** The OpenAPI path, e.g. `/escrows/{id}/fund`. */
  path: string;
  operationId: string;
  /** The scope a key needs, as the operation's summary documents it. */
  scope: Scope;
  parameters: ParameterSpec[];
  /** The request body's JSON Schema, when the operation takes one. */
  body: { required?: string[]; properties?: Record<string, unknown> } | null;
  /** Calls the route handler: `pathParams` fill the `{…}` of the path. */
  call(req: ApiCall): Promise<Response>;
}

export interface ApiCall {
  key?: string | null;
  pathParams?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON value, or a string sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The route file serving an OpenAPI path and the params Next.js would hand it. */
function resolveRoute(apiPath: string, values: Record<string, string>) {
  let dir = ROUTES_DIR;
  const params: Record<string, string> = {};
  for (const segment of apiPath.split('/').filter(Boolean)) {
    const named = segment.match(/^\{(\w+)\}$/)?.[1];
    const literal = path.join(dir, segment);
    if (!named && existsSync(literal)) {
      dir = literal;
      continue;
    }
    const dynamic = readdirSync(dir).filter((d) => /^\[\w+\]$/.test(d));
    if (dynamic.length !== 1) throw new Error(`no route folder for “${segment}” of ${apiPath} in ${dir}`);
    const name = dynamic[0]!.slice(1, -1);
    if (named && named !== name) throw new Error(`${apiPath}: {${named}} is served by [${name}]`);
    params[name] = named ? (values[named] ?? '') : segment;
    dir = path.join(dir, dynamic[0]!);
  }
  return { file: path.join(dir, 'route.ts'), params };
}

/** Every operation of the served OpenAPI document, in document order. */
export function apiOperations(): ApiOperation[] {
  const doc = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const out: ApiOperation[] = [];
  for (const [apiPath, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const scope = String(op.summary).match(/\(scope: (\w+)\)/)?.[1];
      if (!scope) throw new Error(`${method} ${apiPath}: the summary names no scope`);
      const content = (op.requestBody as { content?: Record<string, { schema: ApiOperation['body'] }> } | undefined)
        ?.content;
      out.push({
        method: method as ApiOperation['method'],
        path: apiPath,
        operationId: String(op.operationId),
        scope: scope as Scope,
        parameters: (op.parameters as ParameterSpec[] | undefined) ?? [],
        body: content?.['application/json']?.schema ?? null,
        call: (req) => callRoute(method.toUpperCase(), apiPath, req),
      });
    }
  }
  return out;
}

async function callRoute(method: string, apiPath: string, req: ApiCall): Promise<Response> {
  const values = req.pathParams ?? {};
  const { file, params } = resolveRoute(apiPath, values);
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) throw new Error(`${file} exports no ${method}`);
  const concrete = apiPath.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? ''));
  const url = new URL(`http://127.0.0.1/api/v1${concrete}`);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...(req.key ? { authorization: `Bearer ${req.key}` } : {}) };
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT') {
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? {});
    headers['content-type'] = 'application/json';
  }
  return handler(new Request(url, { method, headers: { ...headers, ...req.headers }, body }), {
    params: Promise.resolve(params),
  });
}
