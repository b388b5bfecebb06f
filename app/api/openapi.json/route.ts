import { openApiDocument } from '@/lib/api/openapi';
import { jsonResponse } from '@/lib/web/http';

export const dynamic = 'force-static';

/** GET /api/openapi.json: the API, generated from the zod schemas the handlers parse with. */
export function GET(): Response {
  return jsonResponse(openApiDocument());
}
