import { openApiDocument } from '@/lib/api/openapi';
import { json } from '@/lib/api/problem';

// Public: the document describes the API, it grants nothing.
export function GET() {
  return json(openApiDocument());
}
