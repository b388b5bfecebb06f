import { jsonResponse } from '@/lib/web/http';
import { registry } from '@/lib/web/service';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const started = Date.now();

/** GET /api/health: the registry this instance serves, and how long it has been up. */
export async function GET(): Promise<Response> {
  const reg = await registry();
  const info = reg.info;
  return jsonResponse({
    status: 'ok',
    registry: {
      version: info.version,
      asOf: info.asOf,
      demo: info.demo,
      outlets: info.outlets,
      sources: info.sources.map((s) => ({ file: s.file, bank: s.bank, region: s.region, asOf: s.asOf })),
    },
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    // Which worker of npm start answered (null out of a cluster): each reads the registry itself.
    worker: process.env.WORKER_ID ? Number(process.env.WORKER_ID) : null,
  });
}
