import { z } from 'zod';
import { ParsedAddress } from '../check/result';
import { CheckResponse as Answer } from './answer';
import { INPUT_ERROR_CODES } from '../input';

/** What the API accepts and answers, in one place: route handlers parse with these, the OpenAPI document is generated from them. */

export const CheckRequest = z
  .object({ text: z.string().describe('The address, or the whole SMS / WeChat message, as received.') })
  .strict()
  .meta({ id: 'CheckRequest' });

export const CheckQuery = z.object({ text: z.string({ error: 'give the address or message as ?text=' }).describe('The address or message, URL-encoded.') });

export const BatchRequest = z
  .object({ texts: z.array(z.string()).min(1).max(1000).describe('Up to 1,000 texts, each checked on its own.') })
  .strict()
  .meta({ id: 'BatchRequest' });

export { ParsedAddress };

/**
 * The answer to a check: in zod/mini, beside the result it extends, for the browser extension
 * reads it too. Named here, in its place among the others (the OpenAPI document lists them in
 * the order they are named).
 */
export const CheckResponse = Answer.register(z.globalRegistry, { id: 'CheckResponse' });

/** The input's own error codes (lib/input), then those of HTTP requests and of the server. */
export const ErrorCode = z.enum([...INPUT_ERROR_CODES, 'invalid_json', 'invalid_request', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'not_found', 'uri_too_long', 'registry_unavailable', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorResponse = z
  .object({ error: z.object({ code: ErrorCode, message: z.string() }) })
  .meta({ id: 'ErrorResponse' });

export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']).describe('degraded: the registry file cannot be read, and the last good registry is served'),
    reason: z.string().optional().describe('Why the status is degraded.'),
    registry: z.object({
      version: z.string(),
      asOf: z.string(),
      demo: z.boolean(),
      outlets: z.number().int(),
      sources: z.array(z.object({ file: z.string(), bank: z.string(), region: z.string(), asOf: z.string() })),
    }),
    uptimeSeconds: z.number(),
    worker: z.number().int().nullable().describe('The worker of npm start that answered; null out of a cluster'),
  })
  .meta({ id: 'HealthResponse' });
