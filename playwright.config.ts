import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium, never a downloaded one. As root in a sandbox it needs --no-sandbox, and
// without the background-networking flags it keeps calling hosts this machine cannot reach.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.cache/playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    locale: 'zh-CN',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The server's output goes to a file that a test reads to make sure no user text is logged.
  // Always our own server: a reused one would log elsewhere.
  webServer: {
    // Through npm start's own script: HOSTNAME, and the socket address for the rate limit.
    command: `node scripts/start.mjs --build-only && mkdir -p .cache && exec node scripts/start.mjs -p ${PORT} > .cache/e2e-server.log 2>&1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    // TRUSTED_PROXY_HOPS=1: the tests play the proxy, each request its own client (X-Forwarded-For).
    // REGISTRY=demo: the tests are written for the demo registry's made-up outlets.
    env: { NEXT_TELEMETRY_DISABLED: '1', REGISTRY: 'demo', WEB_CONCURRENCY: '2', LOG_HASH_KEY: 'e2e-log-key', BATCH_RATE_LIMIT_PER_MINUTE: '120', HOSTNAME: '127.0.0.1', TRUSTED_PROXY_HOPS: '1' },
  },
});
