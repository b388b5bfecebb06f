import * as z from 'zod/mini';
import { CheckResult } from '../check/result';

/**
 * What /api/check answers: the check's result (lib/check/result.ts) and a link to it. In
 * zod/mini, as the result is, and importing nothing else, so that the browser extension reads
 * the answer by this same schema (extension/src/api.ts) and bundles it small.
 */
export const CheckResponse = z.extend(CheckResult, {
  shareUrl: z.url({ protocol: /^https?$/ }).register(z.globalRegistry, { description: 'A link to the result page; it carries the text and is checked again when opened.' }),
});
export type CheckResponse = z.infer<typeof CheckResponse>;
