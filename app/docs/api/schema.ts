/**
 * Reading the OpenAPI document for the reference page: resolving `$ref`s, describing a JSON
 * Schema's constraints in words, and a sample value for the examples. Pure functions.
 */

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  additionalProperties?: JsonSchema | boolean;
};

/** Follows a local `$ref` (`#/components/…`) in the document. */
export function resolve<T>(doc: object, value: unknown): T {
  if (!value || typeof value !== 'object' || !('$ref' in value)) return value as T;
  let node: unknown = doc;
  for (const part of String(value.$ref).replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
  return node as T;
}

/** The schema's type as a reader writes it: `string`, `array of object`, `string or null`. */
export function typeOf(s: JsonSchema): string {
  if (s.anyOf || s.oneOf) return (s.anyOf ?? s.oneOf)!.map(typeOf).join(' or ');
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  return t === 'array' && s.items ? `array of ${typeOf(s.items)}` : t;
}

const MAX_SAFE = 9007199254740991;

/** The constraints of one field, in words. */
export function constraints(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (s.pattern) out.push(`pattern ${s.pattern}`);
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} character${s.minLength === 1 ? '' : 's'}`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.minimum !== undefined && s.minimum !== -MAX_SAFE) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum !== MAX_SAFE) out.push(`≤ ${s.maximum}`);
  if (s.minItems !== undefined) out.push(`at least ${s.minItems} items`);
  if (s.maxItems !== undefined) out.push(`at most ${s.maxItems} items`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

/** A plausible value of a schema, for the examples (addresses and ids as `G…` / `C…`). */
export function sample(s: JsonSchema, depth = 0): unknown {
  if (depth > 6) return null;
  if (s.enum) return s.enum[0];
  if (s.anyOf || s.oneOf) return sample((s.anyOf ?? s.oneOf)![0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([name]) => s.required?.includes(name))
          .map(([name, p]) => [name, sample(p, depth + 1)]),
      );
    case 'array':
      return s.items ? [sample(s.items, depth + 1)] : [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.pattern?.startsWith('^G')) return 'G…';
      if (s.pattern?.startsWith('^C')) return 'C…';
      if (s.pattern?.startsWith('^[GC]')) return 'G…';
      if (s.pattern?.startsWith('^[0-9]+(')) return '10';
      if (s.pattern?.startsWith('^[0-9]{1,3}')) return '1';
      return (s.minLength ?? 0) > 0 ? 'text' : '';
    default:
      return null;
  }
}
