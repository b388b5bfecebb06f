'use client';

import { useRef, useState } from 'react';
import { textsFromCsv, toCsv } from '@/lib/web/csv';

type Row = { index: number; text: string; verdict?: string; bank?: string | null; outlet?: string; reason?: string; error?: string; link?: string };

export interface BatchLabels {
  label: string;
  file: string;
  run: string;
  running: string;
  done: string;
  download: string;
  tooMany: string;
  empty: string;
  failed: string;
  columns: Record<'line' | 'text' | 'verdict' | 'bank' | 'outlet' | 'reason', string>;
  verdicts: Record<string, string>;
  styles: Record<string, string>;
  en: boolean;
}

const MAX = 1000;

/** Paste or upload up to 1,000 texts, watch them checked, read the table, download a CSV. */
export default function BatchRunner({ labels }: { labels: BatchLabels }) {
  const [input, setInput] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

  async function run() {
    let texts = input.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (texts.length === 0) return setNote(labels.empty);
    setNote(texts.length > MAX ? labels.tooMany : null);
    texts = texts.slice(0, MAX);
    setRows([]);
    setTotal(texts.length);
    setBusy(true);
    try {
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
          const item = JSON.parse(line);
          const text = texts[item.index];
          if (item.error) got.push({ index: item.index, text, error: item.error.message });
          else {
            const r = item.result;
            const reason = r.reasons.find((x: { code: string }) => x.code !== 'demo_registry' && x.code !== 'approximate_positions');
            got.push({
              index: item.index,
              text,
              verdict: r.verdict,
              bank: r.bank?.name ?? null,
              outlet: r.matches[0] ? (r.matches[0].name.includes(r.matches[0].bank) ? r.matches[0].name : `${r.matches[0].bank} ${r.matches[0].name}`) : '',
              reason: reason ? (labels.en ? reason.messageEn : reason.message) : '',
              link: r.shareUrl,
            });
          }
        }
        setRows([...got]);
      }
    } catch (err) {
      setNote(fill(labels.failed, { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  function download() {
    const c = labels.columns;
    const csv = toCsv([
      [c.line, c.text, c.verdict, 'verdict', c.bank, c.outlet, c.reason, 'link'],
      ...rows.map((r) => [r.index + 1, r.text, r.verdict ? labels.verdicts[r.verdict] : r.error, r.verdict ?? 'error', r.bank, r.outlet, r.reason, r.link]),
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'realbranch-results.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const done = rows.length;
  return (
    <div>
      <label className="big" htmlFor="batch-input">
        {labels.label}
      </label>
      <textarea id="batch-input" value={input} onChange={(e) => setInput(e.target.value)} rows={8} />
      <p>
        <label>
          {labels.file}：{' '}
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              const texts = textsFromCsv(await f.text());
              setInput(texts.join('\n'));
            }}
          />
        </label>
      </p>
      <button type="button" onClick={run} disabled={busy}>
        {labels.run}
      </button>
      {note && (
        <p className="form-error" role="alert">
          {note}
        </p>
      )}
      {total > 0 && (
        <>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
            <div style={{ width: `${(100 * done) / total}%` }} />
          </div>
          <p data-testid="batch-status">{busy ? fill(labels.running, { done, total }) : fill(labels.done, { total: done })}</p>
        </>
      )}
      {rows.length > 0 && (
        <>
          {!busy && (
            <button type="button" className="secondary" onClick={download}>
              {labels.download}
            </button>
          )}
          <div className="table-wrap">
            <table className="results">
              <colgroup>
                <col style={{ width: '3em' }} />
                <col style={{ width: '34%' }} />
                <col style={{ width: '20%' }} />
                <col style={{ width: '18%' }} />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th>{labels.columns.line}</th>
                  <th>{labels.columns.text}</th>
                  <th>{labels.columns.verdict}</th>
                  <th>{labels.columns.outlet}</th>
                  <th>{labels.columns.reason}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.index} data-verdict={r.verdict ?? 'error'}>
                    <td className="line">{r.index + 1}</td>
                    <td className="text">{r.link ? <a href={r.link}>{r.text}</a> : r.text}</td>
                    <td className="verdict-cell">{r.verdict ? <span className={`pill ${labels.styles[r.verdict]}`}>{labels.verdicts[r.verdict]}</span> : r.error}</td>
                    <td data-label={labels.columns.outlet} className={r.outlet ? undefined : 'empty'}>
                      {r.outlet}
                    </td>
                    <td data-label={labels.columns.reason}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
