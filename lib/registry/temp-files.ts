import fs from 'node:fs';

/**
 * Temporary files a build writes beside its target, removed if the process is stopped by
 * SIGINT or SIGTERM while they exist (with SQLite's journal files), so that an interrupted
 * build leaves nothing behind. The handlers are installed only while a file is tracked; once
 * none is, the signals' default behaviour is back.
 */
const tracked = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function removeAll(): void {
  for (const f of tracked) for (const p of [f, `${f}-journal`, `${f}-wal`, `${f}-shm`]) fs.rmSync(p, { force: true });
  tracked.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.stderr.write(`registry:build: stopped by ${signal}; the temporary file was removed, the target was not touched\n`);
  process.kill(process.pid, signal);
}

export function trackTemp(file: string): void {
  if (tracked.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  tracked.add(file);
}

export function untrackTemp(file: string): void {
  tracked.delete(file);
  if (tracked.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Let the event loop run, so that a signal that arrived during synchronous work is handled now. */
export const letSignalsIn = () => new Promise<void>((resolve) => setImmediate(resolve));
