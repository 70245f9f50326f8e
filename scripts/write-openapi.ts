// Writes lib/api/openapi.json, the committed copy of the API's OpenAPI document (formatted as
// Prettier would, with the project's settings, so the lint step passes).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../lib/api/openapi';

const file = new URL('../lib/api/openapi.json', import.meta.url).pathname;
void resolveConfig(file)
  .then((options) => format(JSON.stringify(openApiDocument()), { ...options, filepath: file }))
  .then((text) => writeFileSync(file, text));
