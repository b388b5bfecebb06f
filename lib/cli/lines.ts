import type { Readable } from 'node:stream';

/**
 * Lines of bytes from a stream, split on LF with a trailing CR dropped. Bytes, not strings:
 * each line is decoded on its own, so one line of broken UTF-8 cannot spoil the next.
 * A line longer than `maxBytes` is cut short and flagged, so 100 MB without a newline
 * cannot exhaust memory.
 */
export async function* byteLines(stream: Readable, maxBytes: number): AsyncGenerator<{ bytes: Uint8Array; truncated: boolean }> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let truncated = false;
  const take = (tail: Buffer) => {
    let line = pending.length ? Buffer.concat([...pending, tail]) : tail;
    pending = [];
    pendingLength = 0;
    if (line.length && line[line.length - 1] === 13) line = line.subarray(0, line.length - 1);
    const out = { bytes: line, truncated };
    truncated = false;
    return out;
  };
  for await (const chunk of stream) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) break;
      yield take(buf.subarray(start, nl));
      start = nl + 1;
    }
    if (start < buf.length) {
      const rest = buf.subarray(start);
      if (pendingLength + rest.length > maxBytes) {
        truncated = true;
        const room = Math.max(0, maxBytes - pendingLength);
        if (room > 0) {
          pending.push(Buffer.from(rest.subarray(0, room)));
          pendingLength += room;
        }
      } else {
        pending.push(Buffer.from(rest));
        pendingLength += rest.length;
      }
    }
  }
  if (pendingLength > 0 || truncated) yield take(Buffer.alloc(0));
}

/** Writes lines to stdout in batches, waiting when the reader is slow. */
export class LineWriter {
  private batch: string[] = [];
  constructor(private readonly out: NodeJS.WritableStream = process.stdout, private readonly size = 256) {}

  async write(line: string): Promise<void> {
    this.batch.push(line);
    if (this.batch.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const chunk = this.batch.join('\n') + '\n';
    this.batch = [];
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }
}
