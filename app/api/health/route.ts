import { guarded } from '@/lib/web/guard-route';
import { jsonResponse } from '@/lib/web/http';
import { servedRegistry } from '@/lib/web/registry-state';
import { appEnv } from '@/lib/settings/env';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const started = Date.now();

/** GET /api/health: the registry this instance serves, whether it is the file's or the last good one, and how long it has been up. */
async function get(): Promise<Response> {
  const { registry: reg, degraded } = await servedRegistry();
  const info = reg.info;
  return jsonResponse({
    status: degraded ? 'degraded' : 'ok',
    ...(degraded ? { reason: degraded } : {}),
    registry: {
      version: info.version,
      asOf: info.asOf,
      demo: info.demo,
      outlets: info.outlets,
      sources: info.sources.map((s) => ({ file: s.file, bank: s.bank, region: s.region, asOf: s.asOf })),
    },
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    // Which worker of npm start answered (null out of a cluster): each reads the registry itself.
    worker: appEnv().WORKER_ID ?? null,
  });
}

export const GET = guarded('health', get);
