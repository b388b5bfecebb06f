import { describe, expect, test } from 'vitest';
import { checkText } from '../../lib/input';
import { strictQueryParam } from '../../lib/web/query';

/** GET and POST, the same bytes, the same answer. */
describe('strictQueryParam', () => {
  test.each([
    ['plain UTF-8', 'text=%E6%B7%B1%E5%9C%B3', { ok: true, value: '深圳' }],
    ['+ as a space', 'text=a+b', { ok: true, value: 'a b' }],
    ['raw UTF-8 in the URL', 'text=深圳', { ok: true, value: '深圳' }],
    ['no such parameter', 'x=1', { ok: true, value: null }],
    ['the first of two', 'text=a&text=b', { ok: true, value: 'a' }],
    ['an escape that is not UTF-8', 'text=%E6%B7%B1%FF', { ok: false, code: 'invalid_utf8' }],
    ['a truncated sequence', 'text=%E6%B7', { ok: false, code: 'invalid_utf8' }],
    ['a lone surrogate in UTF-8', 'text=%ED%A0%80', { ok: false, code: 'invalid_utf8' }],
    ['a replacement character (what Next.js makes of broken bytes)', 'text=%E6%B7%B1%EF%BF%BD', { ok: false, code: 'invalid_utf8' }],
    ['a stray % is kept', 'text=100%', { ok: true, value: '100%' }],
  ])('%s', (_name, query, want) => {
    expect(strictQueryParam(`http://x/api/check?${query}`, 'text')).toEqual(want);
  });

  test('a lone surrogate sent as JSON (POST) is invalid_utf8 too', () => {
    expect(checkText('深圳\ud800')).toMatchObject({ ok: false, error: { code: 'invalid_utf8' } });
    expect(checkText('深圳\udc00市')).toMatchObject({ ok: false, error: { code: 'invalid_utf8' } });
    expect(checkText('深圳😀')).toMatchObject({ ok: true });
  });
});
