import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const run = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, [path.join(root, 'scripts/cli.mjs'), 'parse', ...args], { cwd: root, input, maxBuffer: 64 << 20 });

const lines = (out: Buffer) => out.toString('utf8').split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l));

describe('parse --jsonl', () => {
  test('one JSON object per input line, in order, with the contract keys', () => {
    const r = run(['--jsonl'], '深圳市福田区深南大道6008号特区报业大厦18楼1803室\n北京市朝阳区望京南湖中园126楼2单元901室\n');
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ roadNo: '6008号', floors: [18], room: '1803', inferredFloor: null });
    expect(out[1]).toMatchObject({ buildingNo: '126楼', floors: [], room: '901', inferredFloor: 9 });
  });

  test('bad lines get one error object each and no line is lost', () => {
    const huge = '深'.repeat(100 * 1024);
    const input = Buffer.concat([
      Buffer.from('深圳市福田区深南大道6008号\n'),
      Buffer.from('\n'), // empty
      Buffer.from(`${huge}\n`), // 100 K characters
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x0a]), // binary
      Buffer.from([0xe6, 0xb7, 0x0a]), // broken UTF-8 (a cut character)
      Buffer.from('   \r\n'), // blank, with CRLF
      Buffer.from('上海市黄浦区南京东路18号'), // last line without a newline
    ]);
    const r = run(['--jsonl'], input);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.error?.code ?? 'ok')).toEqual(['ok', 'empty', 'too_long', 'binary', 'invalid_utf8', 'empty', 'ok']);
    expect(out[6].roadNo).toBe('18号');
    for (const o of out.filter((x) => x.error)) expect(o.error.message.length).toBeGreaterThan(10);
  });

  test('a single line of 10 MB with no newline is answered, not swallowed', () => {
    const r = run(['--jsonl'], Buffer.alloc(10 * 1024 * 1024, 0x61));
    expect(lines(r.stdout)).toEqual([{ error: expect.objectContaining({ code: 'too_long' }) }]);
  });

  test('no input, no output', () => {
    const r = run(['--jsonl'], '');
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toBe('');
  });
});

describe('parse <address>', () => {
  test('prints the parts readably', () => {
    const r = run(['招行 深圳福田支行 深南大道 7088 号 招商银行大厦 首层']);
    expect(r.status).toBe(0);
    const text = r.stdout.toString();
    expect(text).toContain('招商银行');
    expect(text).toContain('7088号');
    expect(text).toMatch(/floors\s+1/);
  });

  test('an empty argument is an error with a clear message and a non-zero exit', () => {
    const r = run(['   ']);
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain('Empty');
  });
});
