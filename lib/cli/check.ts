import { check, type CheckResult } from '../check';
import { contractOrder } from '../check/serialize';
import { checkBytes, checkText, inputError, MAX_TEXT_LENGTH } from '../input';
import { currentRegistry } from '../registry/demo';
import type { Registry } from '../registry/registry';
import { byteLines, LineWriter } from './lines';

const USAGE = `Usage:
  REGISTRY_DB=<file.sqlite> npm run --silent check -- --jsonl    one text per line on stdin, one JSON object per line
  npm run --silent check -- "<address or message>"              one text, readable
Without REGISTRY_DB the demo registry (fictional outlets) is used.`;

const toJson = (r: CheckResult) => JSON.stringify(contractOrder(r));

async function jsonl(registry: Registry): Promise<void> {
  const out = new LineWriter();
  for await (const { bytes, truncated } of byteLines(process.stdin, MAX_TEXT_LENGTH * 4)) {
    const checked = truncated ? { ok: false as const, error: inputError('too_long') } : checkBytes(bytes);
    if (!checked.ok) {
      await out.write(JSON.stringify({ error: checked.error }));
      continue;
    }
    try {
      await out.write(toJson(check(checked.text, registry)));
    } catch {
      await out.write(JSON.stringify({ error: { code: 'internal', message: 'internal error on this line' } }));
    }
  }
  await out.flush();
}

const VERDICT_WORDS: Record<string, string> = {
  registered_branch: '✅ 是登记的银行网点 / a registered bank outlet',
  office_floor: '⛔ 不是网点：同一栋楼的其他楼层或房间 / NOT the outlet: another floor or room of the building',
  bank_mismatch: '⚠️ 这里是另一家银行的网点 / an outlet of another bank',
  not_registered: '⛔ 登记数据中这里没有该银行网点 / no registered outlet of that bank here',
  not_covered: '❔ 没有这家银行在该地区的数据 / no data for that bank in this area',
  insufficient: '❔ 没有可核验的地址 / no address to check',
};

function readable(text: string, registry: Registry): number {
  const checked = checkText(text);
  if (!checked.ok) {
    process.stderr.write(`${checked.error.message}\n`);
    return 2;
  }
  const r = check(checked.text, registry);
  const lines = [`${VERDICT_WORDS[r.verdict]}   [${r.verdict}]`];
  if (r.places.length) {
    lines.push('消息里的地方 / places in the message:');
    for (const p of r.places) lines.push(`  ${p.role === 'checked' ? '→' : ' '} ${p.role.padEnd(8)} ${p.text.replace(/\s+/g, ' ')}`);
  }
  for (const reason of r.reasons) lines.push(`  · ${reason.message}\n    ${reason.messageEn}`);
  if (r.matches.length) {
    lines.push('登记网点 / registered outlets here:');
    for (const m of r.matches) lines.push(`  ${m.bank} ${m.name} (${m.kind}) — ${m.address}  [${m.source.file} row ${m.source.row}, as of ${m.source.asOf}]`);
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
