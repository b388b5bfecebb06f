/**
 * CSV both ways for the batch page, in the browser: reading the texts to check out of an
 * uploaded file, and writing the results so that Excel opens them (BOM, CRLF) and no cell
 * can run as a formula.
 */

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

const TEXT_COLUMN = /^(?:地址|消息|内容|短信|text|address|message)$/i;

/** The texts of an uploaded CSV: the column named 地址/消息/text, else the first column. */
export function textsFromCsv(text: string): string[] {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const named = rows[0].findIndex((h) => TEXT_COLUMN.test(h.trim()));
  const col = named >= 0 ? named : 0;
  return rows.slice(named >= 0 ? 1 : 0).map((r) => (r[col] ?? '').trim()).filter(Boolean);
}

function cell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  // =, +, - and @ open a formula in spreadsheets: a text never becomes one.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
