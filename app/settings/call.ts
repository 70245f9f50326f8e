/** A same-origin JSON call of a settings route: the data, or the problem's sentence and field errors. */
export async function call<T>(
  path: string,
  method = 'GET',
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string[]> }> {
  const res = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  const doc = await res.json().catch(() => ({}));
  return res.ok
    ? { ok: true, data: doc as T }
    : { ok: false, message: doc.detail ?? `HTTP ${res.status}`, fields: doc.fieldErrors };
}
