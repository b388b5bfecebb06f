import { afterEach, describe, expect, test, vi } from 'vitest';

/** At start: the environment is checked, and production without PUBLIC_BASE_URL warns. */

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function start(env: Record<string, string>): Promise<string> {
  vi.resetModules();
  vi.stubEnv('NEXT_RUNTIME', 'nodejs');
  vi.stubEnv('PUBLIC_BASE_URL', '');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  const { register } = await import('../../instrumentation');
  await register();
  return err;
}

describe('register', () => {
  test.each([
    ['production, no PUBLIC_BASE_URL: a warning', { NODE_ENV: 'production' }, /warning: PUBLIC_BASE_URL is not set/],
    ['production with PUBLIC_BASE_URL: quiet', { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://realbranch.example' }, /^$/],
    ['development, no PUBLIC_BASE_URL: quiet', { NODE_ENV: 'development' }, /^$/],
  ])('%s', async (_name, env, want) => {
    expect(await start(env)).toMatch(want);
  });

  test('a bad setting stops the start with its reason', async () => {
    await expect(start({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://a.example,https://b.example' })).rejects.toThrow(/invalid environment: PUBLIC_BASE_URL: one address, not a list/);
  });
});
