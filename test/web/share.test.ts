import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeText, encodeText, resultPath, shareUrl, versionTag } from '../../lib/web/share';

const ADDRESS = '我是建行信贷经理，请到深圳市福田区演示大道88号示例金融大厦18楼1803室签合同';

describe('encodeText', () => {
  test.each([
    ['', ''],
    ['a', 'YQ'],
    ['ab', 'YWI'],
    ['abc', 'YWJj'],
    ['中', '5Lit'],
    // U+FBFF is ef af bf: standard base64 "76+/", URL-safe "76-_"
    ['\uFBFF', '76-_'],
    ['\uFBFF>?~', '76-_Pj9-'],
  ])('%j encodes to %j', (text, encoded) => {
    expect(encodeText(text)).toBe(encoded);
  });

  test('uses only URL-safe characters and never pads', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(encodeText(s)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  test('the encoded text survives URLSearchParams unchanged', () => {
    const t = encodeText(ADDRESS);
    expect(new URLSearchParams(`t=${t}`).get('t')).toBe(t);
  });
});

describe('decodeText', () => {
  test.each([
    ['YQ', 'a'],
    ['YWJj', 'abc'],
    ['5Lit', '中'],
    ['76-_', '\uFBFF'],
  ])('%j decodes to %j', (encoded, text) => {
    expect(decodeText(encoded)).toBe(text);
  });

  test.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['standard base64 with + and /', '+/8'],
    ['padding', 'YQ=='],
    ['spaces', 'YW Jj'],
    ['a percent-escape', 'YQ%3D'],
    ['a length that is no base64 (4n+1)', 'YWJjZ'],
    ['one character', 'A'],
    ['bytes that are not UTF-8 (ff fe)', '__4'],
    ['a lone continuation byte (80)', 'gA'],
    ['an overlong slash (c0 af)', 'wK8'],
    ['a UTF-8-encoded surrogate (ed a0 80)', '7aCA'],
    ['a truncated three-byte character (e4 b8)', '5Lg'],
    ['more than 8000 characters', 'A'.repeat(8004)],
    ['non-ASCII letters', 'ＹＷＪｊ'],
  ])('refuses %s', (_name, t) => {
    expect(decodeText(t)).toBeNull();
  });

  test('accepts exactly 8000 characters: the longest text a check accepts (2000 CJK characters)', () => {
    const text = '中'.repeat(2000);
    const t = encodeText(text);
    expect(t).toHaveLength(8000);
    expect(decodeText(t)).toBe(text);
  });

  test('2001 CJK characters no longer fit in a link', () => {
    expect(decodeText(encodeText('中'.repeat(2001)))).toBeNull();
  });
});

describe('round trip', () => {
  test.each([
    ['ASCII', 'hello, world'],
    ['a scam message', ADDRESS],
    ['traditional characters', '中國建設銀行深圳分行'],
    ['emoji and astral characters', '👍🏽 𠀀𪚥 🇨🇳'],
    ['combining marks', 'é and é'],
    ['control characters, tab and newlines', 'a\tb\r\nc\u0000d'],
    ['a trailing NUL', 'abc\u0000'],
    ['characters whose base64 holds - and _', '\uFBFF>?~'],
    ['a BOM in the middle', 'a\uFEFFb'],
    ['U+FFFD itself', '\uFFFD'],
  ])('%s', (_name, text) => {
    expect(decodeText(encodeText(text))).toBe(text);
  });

  test('decodeText(encodeText(s)) === s for any Unicode text that fits in a link', () => {
    fc.assert(
      fc.property(
        // Full Unicode (astral planes included), no lone surrogates: those are not text.
        fc.string({
          unit: fc.oneof(fc.constantFrom('\uFEFF', '\u0000', '中', '\uFFFD', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
          minLength: 1,
          maxLength: 300,
        }),
        (s) => {
          expect(decodeText(encodeText(s))).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a text starting with U+FEFF (BOM) survives the round trip', () => {
    expect(decodeText(encodeText('\uFEFFabc'))).toBe('\uFEFFabc');
  });

  test('the empty text is the one text with no link: it encodes to "" and "" reads as no parameter', () => {
    expect(encodeText('')).toBe('');
    expect(decodeText(encodeText(''))).toBeNull();
  });

  test('lone surrogates are not text: they come back as U+FFFD', () => {
    expect(decodeText(encodeText('a\uD800b'))).toBe('a\uFFFDb');
    expect(decodeText(encodeText('\uDC00'))).toBe('\uFFFD');
  });
});

describe('versionTag', () => {
  test.each([
    ['2019-07-23.db7793a7adb7', 'db7793a7adb7'],
    ['2024-01-01.demo.0123456789ab', '0123456789ab'],
    ['db7793a7adb7', 'db7793a7adb7'],
    ['', ''],
    ['v1.', ''],
    ['.abc', 'abc'],
  ])('%j → %j', (version, tag) => {
    expect(versionTag(version)).toBe(tag);
  });

  test('is stable: any "<date>.<hash>" gives the hash, whatever the date part holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[0-9a-f]{12}$/), (date, hash) => {
        expect(versionTag(`${date}.${hash}`)).toBe(hash);
        expect(versionTag(versionTag(`${date}.${hash}`))).toBe(hash);
      }),
    );
  });

  test('depends only on the content hash, not on the date', () => {
    expect(versionTag('2019-07-23.db7793a7adb7')).toBe(versionTag('2025-12-31.db7793a7adb7'));
    expect(versionTag('2019-07-23.db7793a7adb7')).not.toBe(versionTag('2019-07-23.db7793a7adb8'));
  });

  test('never contains a dot', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        expect(versionTag(v)).not.toContain('.');
      }),
    );
  });
});

describe('resultPath and shareUrl', () => {
  test.each([
    ['abc', '2019-07-23.db7793a7adb7', '/r?t=YWJj&v=db7793a7adb7'],
    ['abc', undefined, '/r?t=YWJj'],
    ['abc', '', '/r?t=YWJj'],
    ['中', 'deadbeef', '/r?t=5Lit&v=deadbeef'],
  ])('resultPath(%j, %j) = %j', (text, version, path) => {
    expect(resultPath(text, version)).toBe(path);
  });

  test.each([
    ['https://realbranch.example', 'https://realbranch.example/r?t=YWJj&v=db7793a7adb7'],
    ['https://realbranch.example/', 'https://realbranch.example/r?t=YWJj&v=db7793a7adb7'],
    ['https://realbranch.example///', 'https://realbranch.example/r?t=YWJj&v=db7793a7adb7'],
    ['http://localhost:3000', 'http://localhost:3000/r?t=YWJj&v=db7793a7adb7'],
  ])('shareUrl from base %j', (base, url) => {
    expect(shareUrl(base, 'abc', '2019-07-23.db7793a7adb7')).toBe(url);
  });

  test('a share link carries the text back through URL parsing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), (s) => {
        fc.pre(!s.startsWith('\uFEFF'));
        const url = new URL(shareUrl('https://realbranch.example', s, '2019-07-23.db7793a7adb7'));
        expect(url.pathname).toBe('/r');
        expect(url.searchParams.get('v')).toBe('db7793a7adb7');
        expect(decodeText(url.searchParams.get('t'))).toBe(s);
      }),
    );
  });
});
