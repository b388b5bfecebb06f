import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/** `… | head`: a command whose reader goes away stops quietly. */

const root = path.resolve(__dirname, '../..');

function readOneLineThenClose(name: string, args: string[], input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/cli.mjs'), name, ...args], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.on('error', () => {}); // the child may stop before reading it all
    child.stdin.end(input);
  });
}

describe('EPIPE', () => {
  test.each([
    ['check', ['--jsonl'], '深圳市福田区演示大道88号示例金融大厦18楼1803室\n'],
    ['parse', ['--jsonl'], '深圳市福田区深南大道6008号18楼1803室\n'],
  ])('%s %s: exit 0, nothing on stderr', async (name, args, line) => {
    const r = await readOneLineThenClose(name, args, line.repeat(20_000));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);
});
