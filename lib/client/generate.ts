/**
 * The client's types, generated from the API's OpenAPI document by openapi-typescript and
 * formatted with the project's Prettier settings. `npm run api:client` writes them to
 * lib/client/schema.d.ts; a unit test fails when the committed file differs. Dev-only: nothing
 * in the app imports this file.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../api/openapi';

export const SCHEMA_FILE = new URL('./schema.d.ts', import.meta.url).pathname;

const HEADER = '// Generated from the OpenAPI document by `npm run api:client` (openapi-typescript); do not edit.\n';

/** The text of lib/client/schema.d.ts as a fresh generation makes it. */
export async function clientTypes(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0]);
  const options = await resolveConfig(SCHEMA_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: SCHEMA_FILE });
}
