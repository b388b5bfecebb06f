import { createHmac, randomBytes } from 'node:crypto';

/**
 * Server logs: one JSON line per event, never the text a person sent. A text is logged as a
 * short keyed hash, enough to see that two events concern the same text and nothing more.
 * The key is LOG_HASH_KEY when several instances should agree, else random per start (npm start
 * gives all its workers the same one):
 * addresses are few enough to guess, so a plain hash could be reversed by trying them.
 */
const KEY = process.env.LOG_HASH_KEY || randomBytes(32).toString('hex');

export function textHash(text: string): string {
  return createHmac('sha256', KEY).update(text).digest('hex').slice(0, 16);
}

export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (process.env.NODE_ENV === 'test' || process.env.QUIET_LOGS === '1') return;
  const { at: _at, event: _event, ...rest } = fields; // (a field may not pass itself off as these)
  // Under npm start each worker writes its own lines (one write each, so they never interleave).
  const worker = process.env.WORKER_ID ? { worker: Number(process.env.WORKER_ID) } : {};
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...worker, ...rest })}\n`);
}
