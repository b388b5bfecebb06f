import { describe, expect, test } from 'vitest';
import { checkServer, originPattern } from '../../extension/src/server';

describe('the server address on the options page', () => {
  test.each([
    ['https://zhenwangdian.cn', 'https://zhenwangdian.cn'],
    ['https://zhenwangdian.cn/', 'https://zhenwangdian.cn'],
    ['  https://check.example.org:8443/  ', 'https://check.example.org:8443'],
    ['check.example.org', 'https://check.example.org'],
    ['HTTPS://Check.Example.ORG', 'https://check.example.org'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3100/', 'http://127.0.0.1:3100'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://例子.中国', 'https://xn--fsqu00a.xn--fiqs8s'],
  ])('%s is kept as %s', (input, origin) => {
    expect(checkServer(input)).toEqual({ ok: true, origin });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [undefined, 'empty'],
    [42, 'empty'],
    ['http://example.org', 'insecure'],
    ['http://192.168.1.10:3000', 'insecure'],
    ['ftp://example.org', 'scheme'],
    ['javascript:alert(1)', 'not_url'],
    ['file:///etc/passwd', 'scheme'],
    ['https://user:pw@example.org', 'credentials'],
    ['https://example.org/api', 'path'],
    ['https://example.org/?x=1', 'path'],
    ['https://example.org/#top', 'path'],
    ['not a url', 'not_url'],
    ['https://intranet', 'not_url'],
  ])('%s is refused (%s)', (input, problem) => {
    expect(checkServer(input)).toEqual({ ok: false, problem });
  });

  test.each([
    ['https://zhenwangdian.cn', 'https://zhenwangdian.cn/*'],
    ['http://localhost:3000', 'http://localhost/*'],
    ['https://check.example.org:8443', 'https://check.example.org/*'],
  ])('the host permission for %s is %s (match patterns carry no port)', (origin, pattern) => {
    expect(originPattern(origin)).toBe(pattern);
  });
});
