import { createHmac, randomBytes } from 'node:crypto';
import { setting } from '../settings/env';

/**
 * Server logs: one JSON line per event, never the text a person sent. A text is logged as a
 * short keyed hash, enough to see that two events concern the same text and nothing more.
 * The key is LOG_HASH_KEY when several instances should agree, else random per start (npm start
 * gives all its workers the same one):
 * addresses are few enough to guess, so a plain hash could be reversed by trying them.
 */
const KEY = setting('LOG_HASH_KEY') ?? randomBytes(32).toString('hex');

export function textHash(text: string): string {
  return createHmac('sha256', KEY).update(text).digest('hex').slice(0, 16);
}

type Fields = Record<string, string | number | boolean | null>;

/** One event, with its fields (or what makes them, only when logs are written: a text's hash costs). */
export function logEvent(event: string, fields: Fields | (() => Fields) = {}): void {
  // (Read on every call, as the process environment is now: tests switch logging on and off.)
  if (setting('NODE_ENV') === 'test' || setting('QUIET_LOGS')) return;
  const { at: _at, event: _event, ...rest } = typeof fields === 'function' ? fields() : fields; // (a field may not pass itself off as these)
  // Under npm start each worker writes its own lines (one write each, so they never interleave).
  const id = setting('WORKER_ID');
  const worker = id !== undefined ? { worker: id } : {};
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...worker, ...rest })}\n`);
}
