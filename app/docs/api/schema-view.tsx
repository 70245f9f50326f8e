import { constraints, resolve, typeOf, type JsonSchema } from './schema';

/** A JSON Schema as a table of its fields (nested objects and arrays of objects as dotted names). */
export function SchemaView({ doc, schema, caption }: { doc: object; schema: JsonSchema; caption: string }) {
  const rows = fieldRows(doc, resolve<JsonSchema>(doc, schema), '');
  if (!rows.length)
    return (
      <p className="mt-2 text-sm">
        {caption}: <code>{typeOf(resolve<JsonSchema>(doc, schema))}</code>
      </p>
    );
  return (
    <div className="mt-2">
      <table className="w-full text-left text-sm [overflow-wrap:anywhere]">
        <caption className="text-left font-medium">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-1 pr-3">
              Field
            </th>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="py-1">
              Rules
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-zinc-200 align-top dark:border-zinc-800">
              <td className="py-1 pr-3">
                <code>{r.name}</code>
                {r.required ? '' : ' (optional)'}
              </td>
              <td className="py-1 pr-3">{r.type}</td>
              <td className="py-1 break-words">{[r.description, ...r.rules].filter(Boolean).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Row {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  rules: string[];
}

function fieldRows(doc: object, s: JsonSchema, prefix: string, depth = 0): Row[] {
  if (depth > 5) return [];
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.flatMap((u) => fieldRows(doc, resolve<JsonSchema>(doc, u), prefix, depth + 1));
  const rows: Row[] = [];
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const p = resolve<JsonSchema>(doc, raw);
    const full = prefix + name;
    rows.push({
      name: full,
      type: typeOf(p),
      required: s.required?.includes(name) ?? false,
      description: p.description,
      rules: constraints(p),
    });
    if (p.properties) rows.push(...fieldRows(doc, p, `${full}.`, depth + 1));
    const items = p.items && resolve<JsonSchema>(doc, p.items);
    if (items?.properties) rows.push(...fieldRows(doc, items, `${full}[].`, depth + 1));
  }
  return rows;
}
