import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsv, textsFromCsv, toCsv } from '../../lib/web/csv';

const BOM = '\uFEFF';

describe('parseCsv', () => {
  test.each([
    ['one cell', 'a', [['a']]],
    ['a row', 'a,b,c', [['a', 'b', 'c']]],
    ['LF rows', 'a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['CRLF rows', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['CR rows (old Mac)', 'a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    ['no final newline', 'a\nb', [['a'], ['b']]],
    ['a leading BOM', `${BOM}地址\n深圳`, [['地址'], ['深圳']]],
    ['a BOM not at the start is kept', `a,${BOM}b`, [['a', `${BOM}b`]]],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['a doubled quote', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['a quoted LF', '"line 1\nline 2",x', [['line 1\nline 2', 'x']]],
    ['a quoted CRLF', '"line 1\r\nline 2"\r\nnext', [['line 1\r\nline 2'], ['next']]],
    ['a quoted empty cell', '"",x', [['', 'x']]],
    ['a cell that is one quote', '"""",x', [['"', 'x']]],
    ['a quote inside an unquoted cell is kept', 'a"b,c', [['a"b', 'c']]],
    ['empty cells', 'a,,c,', [['a', '', 'c', '']]],
    ['spaces are kept', ' a , b ', [[' a ', ' b ']]],
    ['blank lines are dropped', 'a\n\n\r\n\nb', [['a'], ['b']]],
    ['rows of empty or blank cells are dropped', 'a\n,,\n , \t \nb', [['a'], ['b']]],
    ['rows of different lengths', 'a,b,c\nd', [['a', 'b', 'c'], ['d']]],
    ['an unterminated quote runs to the end', '"abc\ndef', [['abc\ndef']]],
    ['text after a closing quote is appended', '"ab"cd,e', [['abcd', 'e']]],
    ['Chinese and emoji', '建设银行,深圳市福田区👍', [['建设银行', '深圳市福田区👍']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  test.each([[''], [BOM], ['\n\n'], ['\r\n'], [',,,'], ['  \n\t']])('%j holds no rows', (text) => {
    expect(parseCsv(text)).toEqual([]);
  });

  test('reads a large file', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `${i},"深圳市福田区演示大道${i}号, ""18楼"""`).join('\r\n');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]).toEqual(['49999', '深圳市福田区演示大道49999号, "18楼"']);
  });

  test('never throws and never invents characters, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', BOM), maxLength: 60 }), (text) => {
        const rows = parseCsv(text);
        const kept = rows.flat().join('');
        for (const ch of ['a', '中']) expect(kept.split(ch).length).toBeLessThanOrEqual(text.split(ch).length);
      }),
    );
  });
});

describe('textsFromCsv', () => {
  test.each([
    ['a 地址 column', '序号,地址\n1,深圳市福田区演示大道88号\n2,合肥市蜀山区示例路1号', ['深圳市福田区演示大道88号', '合肥市蜀山区示例路1号']],
    ['a 消息 column', '消息,时间\n我是建行经理,昨天', ['我是建行经理']],
    ['a 内容 column', 'id,内容\n1,x', ['x']],
    ['a 短信 column', '短信\nx', ['x']],
    ['a text column, any case', 'ID,Text\n1,x', ['x']],
    ['an address column', 'n,ADDRESS\n1,x', ['x']],
    ['a message column', 'message\nx', ['x']],
    ['a header with spaces and a BOM', `${BOM} 地址 ,n\nx,1`, ['x']],
    ['the first named column when two match', 'text,地址\na,b', ['a']],
    ['the first column when no header matches', '深圳市福田区演示大道88号,1\n合肥市蜀山区示例路1号,2', ['深圳市福田区演示大道88号', '合肥市蜀山区示例路1号']],
    ['a header that only contains a name', '详细地址\nx', ['详细地址', 'x']],
    ['texts spanning lines', '地址\n"深圳市福田区\n演示大道88号"', ['深圳市福田区\n演示大道88号']],
    ['trimmed texts', '地址\n  x  \n\t y\t', ['x', 'y']],
    ['empty cells and short rows skipped', 'n,地址\n1,\n2\n3,x\n4,  ', ['x']],
    ['quoted cells with commas', '地址,n\n"深圳,福田",1', ['深圳,福田']],
  ])('%s', (_name, text, texts) => {
    expect(textsFromCsv(text)).toEqual(texts);
  });

  test.each([[''], [BOM], ['地址'], ['地址\n\n , \n'], ['\r\n\r\n']])('%j holds no texts', (text) => {
    expect(textsFromCsv(text)).toEqual([]);
  });
});

describe('toCsv', () => {
  test('starts with a BOM and ends every row with CRLF, for Excel', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe(`${BOM}a,b\r\nc,d\r\n`);
  });

  test.each([
    ['plain text', ['深圳市福田区'], '深圳市福田区'],
    ['a number', [42], '42'],
    ['zero', [0], '0'],
    ['a decimal', [22.5431], '22.5431'],
    ['null and undefined as empty cells', [null, 'x', undefined], ',x,'],
    ['a comma', ['a,b'], '"a,b"'],
    ['a quote', ['say "hi"'], '"say ""hi"""'],
    ['a newline', ['a\nb'], '"a\nb"'],
    ['a CRLF', ['a\r\nb'], '"a\r\nb"'],
    ['a lone quote', ['"'], '""""'],
    ['a formula sign not at the start', ['1+1=2'], '1+1=2'],
    ['an apostrophe at the start', ["'x"], "'x"],
  ])('writes %s', (_name, row, line) => {
    expect(toCsv([row])).toBe(`${BOM}${line}\r\n`);
  });

  test.each([
    ['=', '=1+1', "'=1+1"],
    ['= calling a function', '=HYPERLINK("http://evil.example","点这里")', `"'=HYPERLINK(""http://evil.example"",""点这里"")"`],
    ['= with a comma', '=SUM(A1,A2)', `"'=SUM(A1,A2)"`],
    ['+', '+86 139 1234 5678', "'+86 139 1234 5678"],
    ['-', '-2+3+cmd|" /C calc"!A0', `"'-2+3+cmd|"" /C calc""!A0"`],
    ['@', '@SUM(1+1)', "'@SUM(1+1)"],
    ['a tab', '\t=1+1', "'\t=1+1"],
    ['a carriage return', '\r=1+1', `"'\r=1+1"`],
    ['a DDE payload', "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['a negative number', -5, "'-5"],
    ['a lone sign', '-', "'-"],
  ])('neutralises a cell starting with %s', (_name, value, line) => {
    expect(toCsv([[value]])).toBe(`${BOM}${line}\r\n`);
  });

  test('no cell of the output, read back, starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', '中', ' ') }), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          for (const row of parseCsv(toCsv(rows))) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('what toCsv writes, parseCsv reads back (formula cells with their leading apostrophe)', () => {
    const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ' ', BOM), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 }), {
            minLength: 1,
            maxLength: 6,
          }),
          { maxLength: 6 },
        ),
        (rows) => {
          const expected = rows.map((r) => r.map(neutral)).filter((r) => r.some((x) => x.trim() !== ''));
          expect(parseCsv(toCsv(rows))).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('an empty table is just the BOM and a line end', () => {
    expect(toCsv([])).toBe(`${BOM}\r\n`);
  });
});
