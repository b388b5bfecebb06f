import type { CheckResult } from '../check/result';
import { contractOrder } from '../check/serialize';
import { checkBytes, checkText, type InputError } from '../input';
import type { Registry } from '../registry/registry';
import { cachedCheck } from '../web/result-cache';
import { shareUrl } from '../web/share-link';

/**
 * From a text as received to its answer, the one way every face takes it: the API, the batch
 * stream, the result page, the preview image and the command line. The input is validated
 * (lib/input), checked (lib/check), and put in the contract's key order; with a share base the
 * answer carries its share link.
 */

export interface CheckContext {
  registry: Registry;
  /** The origin share links point to; without it the answer has no shareUrl. */
  shareBase?: string;
}

export type CheckAnswer =
  | { ok: true; text: string; result: CheckResult; json: Record<string, unknown>; shareUrl: string | null }
  | { ok: false; error: InputError };

/** One text (or one line of bytes, decoded strictly) to its answer, or the input error. */
export function checkOne(input: string | Uint8Array, ctx: CheckContext): CheckAnswer {
  const checked = typeof input === 'string' ? checkText(input) : checkBytes(input);
  if (!checked.ok) return { ok: false, error: checked.error };
  // The same text on the same registry version is checked once (a forwarded link opened by many).
  const result = cachedCheck(checked.text, ctx.registry);
  const link = ctx.shareBase !== undefined ? shareUrl(ctx.shareBase, result, ctx.registry) : null;
  const json = link === null ? contractOrder(result) : { ...contractOrder(result), shareUrl: link };
  return { ok: true, text: checked.text, result, json, shareUrl: link };
}
