import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain-Node launcher module (scripts/), without types
import { workerNodeFlags } from '../../scripts/worker-flags.mjs';

/** The V8 flags npm start's workers run with (scripts/worker-flags.mjs). */
describe('workerNodeFlags', () => {
  it.each([
    ['workers fill the cores', 2, {}, 2, ['--single-threaded-gc', '--max-semi-space-size=64']],
    ['more workers than cores', 4, {}, 2, ['--single-threaded-gc', '--max-semi-space-size=64']],
    ['fewer workers than cores: the collector keeps its helper threads', 1, {}, 8, ['--max-semi-space-size=64']],
    ['set: as given', 2, { WORKER_NODE_FLAGS: '--max-old-space-size=512  --single-threaded-gc' }, 2, ['--max-old-space-size=512', '--single-threaded-gc']],
    ['set empty: none', 2, { WORKER_NODE_FLAGS: '' }, 2, []],
  ])('%s', (_, count, env, cores, want) => {
    expect(workerNodeFlags(count, env, cores)).toEqual(want);
  });

  it("the defaults are flags this Node runs with (a worker that cannot start would be restarted every second)", () => {
    const r = spawnSync(process.execPath, [...workerNodeFlags(2, {}, 2), '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok');
  });
});
