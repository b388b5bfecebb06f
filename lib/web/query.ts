/**
 * A query parameter decoded as strictly as a POST body is: percent-escapes that do not spell
 * UTF-8 are refused (invalid_utf8), where URLSearchParams would quietly turn them into U+FFFD.
 * So GET and POST give the same text, or the same error, for the same bytes. Next.js hands a
 * route the URL with broken escapes already replaced by U+FFFD (%EF%BF%BD), so a replacement
 * character in a query counts as broken bytes too.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type QueryParam = { ok: true; value: string | null } | { ok: false; code: 'invalid_utf8' };

function percentDecode(raw: string): string {
  const bytes: number[] = [];
  const s = raw.replace(/\+/g, ' ');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else for (const b of new TextEncoder().encode(s[i] + (c >= 0xd800 && c < 0xdc00 ? s[++i] ?? '' : ''))) bytes.push(b);
  }
  return strict.decode(Uint8Array.from(bytes));
}

export function strictQueryParam(url: string, name: string): QueryParam {
  const q = url.indexOf('?');
  if (q < 0) return { ok: true, value: null };
  for (const pair of url.slice(q + 1).split('#')[0].split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    let k: string;
    try {
      k = percentDecode(key);
    } catch {
      continue;
    }
    if (k !== name) continue;
    try {
      const value = percentDecode(eq < 0 ? '' : pair.slice(eq + 1));
      return value.includes('\uFFFD') ? { ok: false, code: 'invalid_utf8' } : { ok: true, value };
    } catch {
      return { ok: false, code: 'invalid_utf8' };
    }
  }
  return { ok: true, value: null };
}
