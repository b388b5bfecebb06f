import type { BatchLabels } from './BatchRunner';
import type { Row } from './rows';

/** The batch results, a row per text: its line, the text linking to its result page, the verdict, the outlet, the reason. */
export default function ResultsTable({ rows, labels }: { rows: Row[]; labels: BatchLabels }) {
  return (
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
  );
}
