import { z } from 'zod';
import { ParsedAddress } from '../check/result';
import { CheckResponse as Answer, ErrorCode, ErrorResponse as ErrorAnswer } from './answer';

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
 * The answers to a check and an error's: in zod/mini (lib/api/answer.ts), for the browser
 * extension reads them too. Named here, in their place among the others (the OpenAPI document
 * lists them in the order they are named).
 */
export const CheckResponse = Answer.register(z.globalRegistry, { id: 'CheckResponse' });
export { ErrorCode };
export const ErrorResponse = ErrorAnswer.register(z.globalRegistry, { id: 'ErrorResponse' });

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
