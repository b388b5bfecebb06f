import type { CheckResult } from '../check';
import { claimOf, institutionIn } from '../check/claim';
import { claimKey, claimKeyOf } from '../check/claim-key';
import { parse } from '../parse';
import { cachedCheck } from './result-cache';
import { signalOfCode, type Signal } from '../check/signals';
import type { Registry } from '../registry/registry';
import { claimQuery, claimText, encodeText, readSharedClaim, versionTag, type SharedClaim } from './share';

/**
 * Which link a result hands out. By default the compact one (the address as read, the bank as
 * written, the signals as codes), but only once checking what it carries gives the same
 * verdict, the same part by part comparison and the same bank to call: a link never shows
 * family a different answer from the one the person got. When it would (no address, or an
 * address that needs the rest of the message to be read), the link carries the whole text.
 */

export interface ShareLinks {
  /** The link to hand out by default. */
  url: string;
  /** What it carries: 'claim' (address and bank) or 'whole' (the text). */
  carries: 'claim' | 'whole';
  /** The link with the whole text, for a person who chooses to share it. */
  wholeUrl: string;
}

const sameAnswer = (a: CheckResult, b: CheckResult) =>
  a.verdict === b.verdict && JSON.stringify(a.parts) === JSON.stringify(b.parts) && a.callBank?.name === b.callBank?.name && a.matches.map((m) => m.id).join() === b.matches.map((m) => m.id).join();

const slice = (text: string, span: [number, number] | null | undefined) => (span && span[1] > span[0] ? text.slice(span[0], span[1]) : '');

export function wholePath(text: string, version: string): string {
  return `/r?${new URLSearchParams({ t: encodeText(text), v: versionTag(version) }).toString()}`;
}

/** Longest compact path: a link that fits a chat message and a QR code comfortably. */
export const MAX_CLAIM_PATH = 560;

/** The claim key of a text (lib/check/claim-key.ts). */
function keyOf(text: string, registry: Registry): string {
  const parsed = parse(text);
  return claimKey(parsed, claimOf(parsed, institutionIn(registry, text, parsed)));
}

/** Whether a text claims what a result's text claimed, part for part: then their answers are the same. */
export function sameClaim(text: string, result: CheckResult, registry: Registry): boolean {
  return keyOf(text, registry) === (claimKeyOf(result) ?? keyOf(result.input, registry));
}

/** The compact path of a result, or null when it would not give the same answer. */
export function claimPath(result: CheckResult, registry: Registry): string | null {
  let address = slice(result.input, result.addressSpan).trim();
  const bank = slice(result.input, result.spans.bank as [number, number] | undefined).trim();
  // "建设银行 深圳市…" (a compact link's own text, or a message written so): the bank apart, so
  // that a link passed on again is the same link.
  if (bank && address.startsWith(bank) && /^\s/.test(address.slice(bank.length))) address = address.slice(bank.length).trim();
  const codes = result.signals.map((s) => s.code);
  const candidates: [string, string][] = [[address, bank]];
  // Nothing checkable: the bank alone gives the same verdict, and says who to call.
  if (result.verdict === 'insufficient') candidates.push(['', bank]);
  for (const [a, b] of candidates) {
    const text = claimText(a, b);
    if (!text) continue;
    const path = `/r?${claimQuery(a, b, codes, registry.info.version)}`;
    if (path.length > MAX_CLAIM_PATH) continue;
    // The same claim gives the same answer (the check reads nothing else of the text): two
    // parses cost far less than a second check. Otherwise the compact text is checked in full.
    if (text === result.input || sameClaim(text, result, registry)) return path;
    const again = cachedCheck(text, registry);
    if (result.verdict === 'insufficient' ? again.verdict === 'insufficient' && again.callBank?.name === result.callBank?.name : sameAnswer(result, again)) return path;
  }
  return null;
}

/** The link to hand out by default (shareLinks' url), without the whole-text link beside it: what an answer of the API carries. */
export function shareUrl(base: string, result: CheckResult, registry: Registry): string {
  return `${base.replace(/\/+$/, '')}${claimPath(result, registry) ?? wholePath(result.input, registry.info.version)}`;
}

export function shareLinks(base: string, result: CheckResult, registry: Registry): ShareLinks {
  const root = base.replace(/\/+$/, '');
  const whole = `${root}${wholePath(result.input, registry.info.version)}`;
  const claim = claimPath(result, registry);
  return claim ? { url: `${root}${claim}`, carries: 'claim', wholeUrl: whole } : { url: whole, carries: 'whole', wholeUrl: whole };
}

/**
 * The signals a page shows for a link: in the order the link gives them, with the words that
 * raised them where the text it checks still holds them, then any the text raises besides.
 */
export function signalsFor(result: CheckResult, claim: SharedClaim): Signal[] {
  const found = new Map(result.signals.map((s) => [s.code, s]));
  const carried = claim.signals.map((c) => found.get(c) ?? signalOfCode(c)).filter((s): s is Signal => s !== null);
  const codes = new Set(carried.map((s) => s.code));
  return [...carried, ...result.signals.filter((s) => !codes.has(s.code))];
}

export { readSharedClaim };
