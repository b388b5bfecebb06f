import { contractParts, type ParseResult } from '../parse';
import type { Claim } from './claim';

/**
 * What the check compares of a text with the registry, as one string: its parts as read and
 * its claim. Two texts with the same key get the same verdict, parts, outlets and bank to call
 * (the steps after claim read nothing else of the text). Each result remembers its text's key,
 * so that a share link can be vouched for with one parse of its own text, not a second check.
 */
export function claimKey(parsed: ParseResult, claim: Claim): string {
  const { parsed: _parsed, ...rest } = claim;
  return JSON.stringify([contractParts(parsed), rest]);
}

const keys = new WeakMap<object, string>();

export function rememberClaimKey(result: object, key: string): void {
  keys.set(result, key);
}

export function claimKeyOf(result: object): string | undefined {
  return keys.get(result);
}

/** A copy of a result (other signals shown, say) keeps the key of the text it was checked from. */
export function withClaimKeyOf<T extends object>(copy: T, of: object): T {
  const key = keys.get(of);
  if (key !== undefined) keys.set(copy, key);
  return copy;
}
