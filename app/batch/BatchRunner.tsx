'use client';

import { useRef, useState } from 'react';
import { textsFromCsv } from '@/lib/web/csv';
import ResultsTable from './ResultsTable';
import { rowsCsv, runBatch, type Row } from './rows';

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
  columns: Record<'line' | 'text' | 'verdict' | 'code' | 'bank' | 'outlet' | 'reason' | 'link', string>;
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
      await runBatch(texts, labels.en, setRows);
    } catch (err) {
      setNote(fill(labels.failed, { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  function download() {
    const csv = rowsCsv(rows, labels);
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
          <ResultsTable rows={rows} labels={labels} />
        </>
      )}
    </div>
  );
}
