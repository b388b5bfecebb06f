import * as z from 'zod/mini';
import { CheckResult } from '../check/result';
import { INPUT_ERROR_CODES } from '../input';

/**
 * What /api/check answers: the check's result (lib/check/result.ts) and a link to it, or an
 * error. In zod/mini, as the result is, and with nothing else but the codes they name, so that the browser extension
 * reads the answers by these same schemas (extension/src/api.ts) and bundles them small. (Their
 * OpenAPI names are given in lib/api/schemas.ts, with the others.)
 */
export const CheckResponse = z.extend(CheckResult, {
  shareUrl: z.url({ protocol: /^https?$/ }).register(z.globalRegistry, { description: 'A link to the result page; it carries the text and is checked again when opened.' }),
});
export type CheckResponse = z.infer<typeof CheckResponse>;

/** The input's own error codes (lib/input), then those of HTTP requests and of the server. */
export const ErrorCode = z.enum([...INPUT_ERROR_CODES, 'invalid_json', 'invalid_request', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'not_found', 'uri_too_long', 'registry_unavailable', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorResponse = z.object({ error: z.object({ code: ErrorCode, message: z.string() }) });
