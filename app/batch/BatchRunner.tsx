'use client';

import { useState } from 'react';
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

/** A label with its {placeholders} filled in. */
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

/** The run: one text a line, at most MAX of them, their rows as they arrive, and a note when something is off. */
function useBatch(labels: BatchLabels) {
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function run(input: string) {
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
  return { rows, total, busy, note, run };
}

/** The rows as a CSV file, saved through a link clicked once. */
function download(rows: Row[], labels: BatchLabels) {
  const csv = rowsCsv(rows, labels);
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'realbranch-results.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An uploaded CSV's texts, one a line, into the box. */
function FilePicker({ label, onTexts }: { label: string; onTexts: (texts: string[]) => void }) {
  return (
    <p>
      <label>
        {label}：{' '}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            onTexts(textsFromCsv(await f.text()));
          }}
        />
      </label>
    </p>
  );
}

function Progress({ done, total, busy, labels }: { done: number; total: number; busy: boolean; labels: BatchLabels }) {
  return (
    <>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div style={{ width: `${(100 * done) / total}%` }} />
      </div>
      <p data-testid="batch-status">{busy ? fill(labels.running, { done, total }) : fill(labels.done, { total: done })}</p>
    </>
  );
}

/** Paste or upload up to 1,000 texts, watch them checked, read the table, download a CSV. */
export default function BatchRunner({ labels }: { labels: BatchLabels }) {
  const [input, setInput] = useState('');
  const { rows, total, busy, note, run } = useBatch(labels);
  return (
    <div>
      <label className="big" htmlFor="batch-input">
        {labels.label}
      </label>
      <textarea id="batch-input" value={input} onChange={(e) => setInput(e.target.value)} rows={8} />
      <FilePicker label={labels.file} onTexts={(texts) => setInput(texts.join('\n'))} />
      <button type="button" onClick={() => run(input)} disabled={busy}>
        {labels.run}
      </button>
      {note && (
        <p className="form-error" role="alert">
          {note}
        </p>
      )}
      {total > 0 && <Progress done={rows.length} total={total} busy={busy} labels={labels} />}
      {rows.length > 0 && (
        <>
          {!busy && (
            <button type="button" className="secondary" onClick={() => download(rows, labels)}>
              {labels.download}
            </button>
          )}
          <ResultsTable rows={rows} labels={labels} />
        </>
      )}
    </div>
  );
}
