// Writes lib/client/schema.d.ts, the typed client's types (npm run api:client).
import { writeFileSync } from 'node:fs';
import { clientTypes, SCHEMA_FILE } from '../lib/client/generate';

void clientTypes().then((text) => writeFileSync(SCHEMA_FILE, text));
