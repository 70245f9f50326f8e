// Writes lib/api/openapi.json, the committed copy of the API's OpenAPI document.
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../lib/api/openapi';

writeFileSync(new URL('../lib/api/openapi.json', import.meta.url), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
