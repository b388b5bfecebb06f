import './epipe';
import { checkBytes, checkText, inputError, MAX_TEXT_LENGTH } from '../input';
import { contractParts, parse, PART_NAMES } from '../parse';
import { byteLines, LineWriter } from './lines';

const USAGE = `Usage:
  npm run --silent parse -- --jsonl      one address per line on stdin, one JSON object per line on stdout
  npm run --silent parse -- "<address>"  the parts of one address, readable`;

/** One input line of bytes → a text to parse, or the error line that answers it. */
function check(bytes: Uint8Array, truncated: boolean): { text: string } | { line: string } {
  const checked = truncated ? { ok: false as const, error: inputError('too_long') } : checkBytes(bytes);
  return checked.ok ? { text: checked.text } : { line: JSON.stringify({ error: checked.error }) };
}

/** One text → one output line of JSON: its parts. */
function answer(text: string): string {
  try {
    return JSON.stringify(contractParts(parse(text, { resolvePlace: false })));
  } catch {
    // The parser is tested never to throw; if it ever does, the line still gets an answer.
    return JSON.stringify({ error: { code: 'internal', message: 'internal error on this line' } });
  }
}

async function jsonl(): Promise<void> {
  const out = new LineWriter();
  for await (const { bytes, truncated } of byteLines(process.stdin, MAX_TEXT_LENGTH * 4)) {
    const item = check(bytes, truncated);
    await out.write('line' in item ? item.line : answer(item.text));
  }
  await out.flush();
}

const LABELS: Record<string, string> = {
  province: '省 province', city: '市 city', district: '区县 district', road: '道路 road', roadNo: '门牌 roadNo',
  building: '建筑 building', buildingNo: '楼栋 buildingNo', floors: '楼层 floors', room: '房间 room',
  bank: '银行 bank', branch: '网点 branch',
};

function readable(text: string): number {
  const checked = checkText(text);
  if (!checked.ok) {
    process.stderr.write(`${checked.error.message}\n`);
    return 2;
  }
  const r = parse(checked.text);
  const lines = [`地址 address: ${checked.text}`];
  for (const name of PART_NAMES) {
    const span = r.spans[name];
    let value: string;
    if (name === 'floors') {
      const parts = [r.floors.length ? r.floors.join(', ') : ''];
      if (r.floorLabels.length) parts.push(r.floorLabels.join(', '));
      if (r.inferredFloor !== null) parts.push(`(inferred from room: ${r.inferredFloor})`);
      value = parts.filter(Boolean).join(' ') || '—';
    } else value = (r[name] as string | null) ?? '—';
    lines.push(`  ${LABELS[name].padEnd(22)} ${value}${span ? `   [${span[0]}, ${span[1]})` : ''}`);
  }
  const place = [r.place.province?.name, r.place.city?.name, r.place.district?.name].filter(Boolean).join(' ');
  lines.push(`  ${'行政区划 place'.padEnd(22)} ${place || '—'}${r.place.district ? ` (${r.place.district.code})` : ''}`);
  if (r.place.candidates.length > 1 || r.place.former) {
    const what = r.place.former ? `formerly ${r.place.former.name}, now` : 'ambiguous:';
    lines.push(`  ${''.padEnd(22)} ${what} ${r.place.candidates.map((d) => `${d.name} (${d.code})`).join(' / ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--jsonl')) {
    await jsonl();
    return 0;
  }
  const words = argv.filter((a) => !a.startsWith('--'));
  if (argv.includes('--help') || words.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return words.length === 0 && !argv.includes('--help') ? 2 : 0;
  }
  return readable(words.join(' '));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`parse: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
