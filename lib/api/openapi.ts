import { z } from 'zod';
// Importing the schemas registers them (each has a .meta id) in zod's global registry.
import './schemas';

/**
 * Every schema with an id, as OpenAPI 3.0 components: references between them point into
 * #/components/schemas, and the JSON Schema $id (not an OpenAPI keyword) is left out.
 */
function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { target: 'openapi-3.0', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...rest }]) => [id, rest]));
}

const errors = (codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Not JSON, not the expected shape, or a text that is empty or not text (codes invalid_json, invalid_request, empty, binary, invalid_utf8).',
  413: 'The body or the text is too large (codes payload_too_large, too_long).',
  415: 'Not sent as application/json (code unsupported_media_type).',
  414: 'GET with a query too long for a link (code uri_too_long): send the text by POST.',
  429: 'Too many requests from this client (code rate_limited); see Retry-After.',
  500: 'An unexpected error on the server (code internal).',
  503: 'No registry to answer from (code registry_unavailable); see Retry-After.',
};

/** The OpenAPI 3 document of the API, built from the schemas the route handlers use. */
export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: {
      title: '真网点 RealBranch API',
      version: '1.0.0',
      description: 'Is this address a licensed bank outlet, or an office floor in the same building? Verdicts: registered_branch, office_floor, bank_mismatch, not_registered, not_covered, insufficient.',
    },
    paths: {
      '/api/check': {
        post: {
          summary: 'Check an address or a whole message',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckRequest' } } } },
          responses: { 200: { description: 'The verdict and its evidence', content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckResponse' } } } }, ...errors([400, 413, 415, 429, 500, 503]) },
        },
        get: {
          summary: 'Check an address or message given in the query (for the browser extension)',
          parameters: [{ name: 'text', in: 'query', required: true, schema: { type: 'string', maxLength: 2000 } }],
          responses: { 200: { description: 'The verdict and its evidence', content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckResponse' } } } }, ...errors([400, 413, 414, 429, 500, 503]) },
        },
      },
      '/api/batch': {
        post: {
          summary: 'Check up to 1,000 texts; one JSON line per text, streamed in order',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchRequest' } } } },
          responses: { 200: { description: 'NDJSON: {"index", "result"} or {"index", "error"} per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, ...errors([400, 413, 415, 429, 500, 503]) },
        },
      },
      '/api/health': {
        get: { summary: 'The registry this instance serves, and its uptime', responses: { 200: { description: 'ok, or degraded: the registry file cannot be read and the last good one is served (see reason)', content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthResponse' } } } }, ...errors([500, 503]) } },
      },
    },
    components: {
      schemas: componentSchemas(),
    },
  };
}
