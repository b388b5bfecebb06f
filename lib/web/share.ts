/**
 * Share links carry the text itself, so that no server keeps anything: /r?t=<base64url of the
 * UTF-8 text>&v=<registry content hash when the link was made>. Opening the link checks the
 * text again against the registry of that moment. Written for the browser and Node alike.
 */

export function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a link carries, or null when the parameter is not one of ours. */
export function decodeText(t: string | null | undefined): string | null {
  if (!t || t.length > 8000 || !/^[A-Za-z0-9_-]+$/.test(t)) return null;
  try {
    const bin = atob(t.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The part of a registry version that changes with its content: 2019-07-23.db7793a7adb7 → db7793a7adb7. */
export function versionTag(version: string): string {
  const dot = version.lastIndexOf('.');
  return dot >= 0 ? version.slice(dot + 1) : version;
}

export function resultPath(text: string, version?: string): string {
  const params = new URLSearchParams({ t: encodeText(text) });
  if (version) params.set('v', versionTag(version));
  return `/r?${params.toString()}`;
}

export function shareUrl(base: string, text: string, version: string): string {
  return `${base.replace(/\/+$/, '')}${resultPath(text, version)}`;
}

/**
 * The default share link carries what the check needs, not the whole message:
 *   /r?a=<base64url: the address as read>&b=<base64url: the bank as written>&s=<signal codes, dot-separated>&v=<version tag>
 * The page checks "b a" again; the warning signals travel as codes (their words are on the
 * page, not in the link). Names, phone numbers and amounts of the message stay out of it.
 * The whole text travels only when a person chooses it (t=, as links always did).
 */
export interface SharedClaim {
  /** What to check: the whole text (t, q) or the bank and the address put together (a, b). */
  text: string;
  /** Signal codes the link carries (compact links only), in order, unknown ones dropped by the page. */
  signals: string[];
  whole: boolean;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** The text to check for a bank and an address as read. */
export function claimText(address: string, bank: string): string {
  if (!bank || address.includes(bank)) return address;
  return address ? `${bank} ${address}` : bank;
}

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const param = (p: Params, k: string): string | undefined => {
  const v = p instanceof URLSearchParams ? p.get(k) ?? undefined : p[k];
  return typeof v === 'string' ? v : undefined;
};

/** What a result link (or a preview's query) carries; null when it carries nothing we can read. */
export function readSharedClaim(p: Params): SharedClaim | null {
  const t = param(p, 't');
  if (t) {
    const text = decodeText(t);
    return text === null ? null : { text, signals: [], whole: true };
  }
  const q = param(p, 'q');
  if (q !== undefined) return { text: q, signals: [], whole: true };
  const a = param(p, 'a');
  const b = param(p, 'b');
  if (a === undefined && b === undefined) return null;
  const address = a ? decodeText(a) : '';
  const bank = b ? decodeText(b) : '';
  if (address === null || bank === null) return null;
  const signals = [...new Set((param(p, 's') ?? '').split('.').filter((c) => CODE.test(c)))].slice(0, 20);
  return { text: claimText(address, bank), signals, whole: false };
}

/** The query of a compact link. */
export function claimQuery(address: string, bank: string, signals: string[], version?: string): string {
  const params = new URLSearchParams();
  if (address) params.set('a', encodeText(address));
  if (bank && !address.includes(bank)) params.set('b', encodeText(bank));
  const codes = signals.filter((c) => CODE.test(c));
  if (codes.length) params.set('s', codes.join('.'));
  if (version) params.set('v', versionTag(version));
  return params.toString();
}
