import './epipe';
import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import type { Verdict } from '../check';
import { VERDICT_TONE } from '../check/verdicts';
import { inputError, MAX_TEXT_LENGTH } from '../input';
import { currentRegistry } from '../registry/locator';
import type { Registry } from '../registry/registry';
import { checkOne } from '../service/check-one';
import { byteLines, LineWriter } from './lines';

const USAGE = `Usage:
  REGISTRY_DB=<file.sqlite> npm run --silent check -- --jsonl    one text per line on stdin, one JSON object per line
  npm run --silent check -- "<address or message>"              one text, readable
Without REGISTRY_DB the demo registry (fictional outlets) is used.`;

async function jsonl(registry: Registry): Promise<void> {
  const out = new LineWriter();
  for await (const { bytes, truncated } of byteLines(process.stdin, MAX_TEXT_LENGTH * 4)) {
    if (truncated) {
      await out.write(JSON.stringify({ error: inputError('too_long') }));
      continue;
    }
    try {
      const a = checkOne(bytes, { registry });
      await out.write(JSON.stringify(a.ok ? a.json : { error: a.error }));
    } catch {
      await out.write(JSON.stringify({ error: { code: 'internal', message: 'internal error on this line' } }));
    }
  }
  await out.flush();
}

/** The verdict in words, the site's own (messages/*.json), with the sign every face shows. */
const verdictWords = (v: Verdict) => `${VERDICT_TONE[v].icon} ${zh.verdict[v].title} / ${en.verdict[v].title}`;

function readable(text: string, registry: Registry): number {
  const a = checkOne(text, { registry });
  if (!a.ok) {
    process.stderr.write(`${a.error.message}\n`);
    return 2;
  }
  const r = a.result;
  const lines = [`${verdictWords(r.verdict)}   [${r.verdict}]`];
  if (r.places.length) {
    lines.push('消息里的地方 / places in the message:');
    for (const p of r.places) lines.push(`  ${p.role === 'checked' ? '→' : ' '} ${p.role.padEnd(8)} ${p.text.replace(/\s+/g, ' ')}`);
  }
  for (const reason of r.reasons) lines.push(`  · ${reason.message}\n    ${reason.messageEn}`);
  if (r.matches.length) {
    lines.push('登记网点 / registered outlets here:');
    for (const m of r.matches) {
      lines.push(`  ${m.bank} ${m.name} (${m.kind}) — ${m.address}  [${m.source.file} row ${m.source.row}, as of ${m.source.asOf}]`);
      const l = m.licence;
      if (l) lines.push(`    金融许可证 / licence: 机构编码 ${l.code ?? '—'}, 流水号 ${l.serial ?? '—'}, ${l.issuedAt ?? '—'} ${l.authority ?? ''}${l.exitedAt ? `, 退出 / withdrawn ${l.exitedAt}` : ''}`);
    }
  }
  if (r.nearest.length) {
    lines.push('最近的登记网点 / nearest registered outlets:');
    for (const m of r.nearest) lines.push(`  ${m.bank} ${m.name} — ${m.address}${m.distanceKm !== undefined ? ` (~${m.distanceKm} km)` : ''}`);
  }
  lines.push('逐项 / part by part:');
  for (const p of r.parts) lines.push(`  ${p.part.padEnd(11)} ${p.status.padEnd(16)} ${p.claimed ?? '—'}${p.registered !== null ? `  vs  ${p.registered}` : ''}`);
  if (r.callBank) lines.push(`官方客服 / official number: ${r.callBank.name} ${r.callBank.hotline ?? '(见银行官网 / see the bank\'s website)'}`);
  for (const s of r.signals) lines.push(`  ! ${s.message} («${s.evidence}»)`);
  for (const s of r.steps) lines.push(`  → ${s.message}`);
  lines.push(`registry ${r.registry.version}${r.registry.demo ? ' (DEMO)' : ''}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('--'));
  if (argv.includes('--help') || (!argv.includes('--jsonl') && words.length === 0)) {
    process.stdout.write(`${USAGE}\n`);
    return argv.includes('--help') ? 0 : 2;
  }
  let registry: Registry;
  try {
    registry = await currentRegistry();
  } catch (err) {
    process.stderr.write(`check: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (argv.includes('--jsonl')) {
    await jsonl(registry);
    return 0;
  }
  return readable(words.join(' '), registry);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`check: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
