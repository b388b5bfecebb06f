import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain-Node launcher module (scripts/), without types
import { acceptHandleCount, serveAcceptHandles } from '../../scripts/accept-handles.mjs';

describe('ACCEPT_HANDLES: the handles each worker accepts connections through', () => {
  test.each([
    [undefined, 8],
    ['', 8],
    ['1', 1],
    ['4', 4],
    ['0', 8],
    ['-2', 8],
    ['2.5', 8],
    ['many', 8],
    ['500', 64],
  ])('%j → %d', (value, want) => {
    expect(acceptHandleCount(value === undefined ? {} : { ACCEPT_HANDLES: value })).toBe(want);
  });
});

describe("the primary's side", () => {
  const handle = () => ({ closed: 0, close() { this.closed++; } });
  const worker = () => {
    const sent: { m: unknown; keepOpen: boolean }[] = [];
    return { sent, send: (m: unknown, _h: unknown, o: { keepOpen: boolean }, done?: () => void) => { sent.push({ m, keepOpen: o.keepOpen }); done?.(); } };
  };

  test('sends the handle back as many times as asked, keeps it open while sending, then closes its own', () => {
    const serve = serveAcceptHandles();
    const w = worker();
    const h = handle();
    expect(serve(w, { acceptHandles: 'ask', copies: 3 }, h)).toBe(true);
    expect(w.sent).toEqual(Array(3).fill({ m: { acceptHandles: 'copy' }, keepOpen: true }));
    expect(h.closed).toBe(1);
  });

  test.each([
    ['no copies asked', { acceptHandles: 'ask', copies: 0 }, 0],
    ['a silly count is capped', { acceptHandles: 'ask', copies: 1e9 }, 63],
    ['a count that is no number', { acceptHandles: 'ask', copies: 'x' }, 0],
  ])('%s', (_, m, copies) => {
    const w = worker();
    const h = handle();
    expect(serveAcceptHandles()(w, m, h)).toBe(true);
    expect(w.sent.length).toBe(copies);
    expect(h.closed).toBe(1);
  });

  test('other messages are left to others', () => {
    const w = worker();
    expect(serveAcceptHandles()(w, { rateLimit: 'take' }, undefined)).toBe(false);
    expect(serveAcceptHandles()(w, 'ready', undefined)).toBe(false);
    expect(w.sent).toEqual([]);
  });
});
