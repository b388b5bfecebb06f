import { toCsv } from '@/lib/web/csv';
import type { BatchLabels } from './BatchRunner';

/**
 * The batch page's rows: each line of the /api/batch stream made a row of the table, read as
 * the lines arrive, and the rows as a CSV to download.
 */

export type Row = { index: number; text: string; verdict?: string; bank?: string | null; outlet?: string; reason?: string; error?: string; link?: string };

type Answer = {
  verdict: string;
  bank: { name: string } | null;
  matches: { bank: string; name: string }[];
  reasons: { code: string; message: string; messageEn: string }[];
  shareUrl: string;
};
type Line = { index: number; error?: { message: string }; result?: Answer };

/** One line of the stream as a row: the verdict, the outlet there, the first reason that is about the address. */
function rowOf(item: Line, text: string, en: boolean): Row {
  const r = item.result;
  if (item.error || !r) return { index: item.index, text, error: item.error?.message };
  const reason = r.reasons.find((x) => x.code !== 'demo_registry' && x.code !== 'approximate_positions');
  const top = r.matches[0];
  return {
    index: item.index,
    text,
    verdict: r.verdict,
    bank: r.bank?.name ?? null,
    outlet: top ? (top.name.includes(top.bank) ? top.name : `${top.bank} ${top.name}`) : '',
    reason: reason ? (en ? reason.messageEn : reason.message) : '',
    link: r.shareUrl,
  };
}

/** POST the texts to /api/batch and call `onRows` with every row so far, as each chunk of lines arrives. */
export async function runBatch(texts: string[], en: boolean, onRows: (rows: Row[]) => void): Promise<void> {
  const res = await fetch('/api/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ texts }) });
  if (!res.ok || !res.body) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const got: Row[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line) continue;
      const item = JSON.parse(line) as Line;
      got.push(rowOf(item, texts[item.index], en));
    }
    onRows([...got]);
  }
}

/** The rows as a CSV Excel opens, with the verdict both in words and as its code. */
export function rowsCsv(rows: Row[], labels: BatchLabels): string {
  const c = labels.columns;
  return toCsv([
    [c.line, c.text, c.verdict, c.code, c.bank, c.outlet, c.reason, c.link],
    ...rows.map((r) => [r.index + 1, r.text, r.verdict ? labels.verdicts[r.verdict] : r.error, r.verdict ?? 'error', r.bank, r.outlet, r.reason, r.link]),
  ]);
}
