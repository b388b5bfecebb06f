import { createHash } from 'node:crypto';

/**
 * Server logs: one JSON line per event, never the text a person sent. A text is logged as a
 * short hash, enough to see that two events concern the same text and nothing more.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (process.env.NODE_ENV === 'test' || process.env.QUIET_LOGS === '1') return;
  process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), event, ...fields })}\n`);
}
