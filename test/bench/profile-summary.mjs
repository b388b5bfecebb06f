#!/usr/bin/env node
// Where a CPU profile's time went: node test/bench/profile-summary.mjs <file.cpuprofile> [fn,fn]
// prints self time by package or app chunk and by function, and the inclusive time of the
// functions named. Profiles come from `npm run bench:api -- --cpu-prof <dir>`.
import fs from 'node:fs';
const p = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = p.timeDeltas; let total = 0;
for (let i = 0; i < p.samples.length; i++) { const d = dt[i] ?? 0; self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + d); total += d; }
const grp = (n) => { const u = n.callFrame.url || '(native)'; const m = u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); if (m) return m[1]; const c = u.match(/\.next\/server\/(.*)/); if (c) return 'app:' + c[1].slice(0, 60); return u.replace(/^file:\/\/\/.*\/(?=[^/]+\/[^/]+$)/, '') || n.callFrame.functionName; };
const bySelf = new Map(), byFn = new Map(), incl = new Map();
for (const [id, t] of self) {
  const n = byId.get(id); const g = grp(n);
  bySelf.set(g, (bySelf.get(g) ?? 0) + t);
  const f = `${n.callFrame.functionName || '(anon)'} ${g}:${n.callFrame.lineNumber}`;
  byFn.set(f, (byFn.get(f) ?? 0) + t);
  // inclusive by function name (count once per stack)
  const seen = new Set(); let x = id;
  while (x !== undefined) { const nn = byId.get(x); const k = nn.callFrame.functionName; if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } x = parent.get(x); }
}
const top = (m, k = 25) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(100 * t / total).toFixed(1).padStart(5)}%  ${n}`).join('\n');
console.log('total ms', (total / 1000).toFixed(0));
console.log('--- self by package\n' + top(bySelf, 20));
console.log('--- self by function\n' + top(byFn, 30));
const want = (process.argv[3] ?? '').split(',').filter(Boolean);
console.log('--- inclusive\n' + want.map((w) => `${(100 * (incl.get(w) ?? 0) / total).toFixed(1).padStart(5)}%  ${w}`).join('\n'));
