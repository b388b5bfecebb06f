import { describe, expect, test } from 'vitest';

type Match = (text: string, i: number) => { start: number; end: number } | null;

/** A table test of a sticky matcher: [text, position, what it takes there (null: nothing)]. */
export function spanTable(name: string, match: Match, cases: [string, number, string | null][]): void {
  describe(name, () => {
    test.each(cases)('%s at %i → %s', (text, i, taken) => {
      const s = match(text, i);
      expect(s === null ? null : text.slice(s.start, s.end)).toBe(taken);
      if (s) expect(s.start).toBe(i);
    });
  });
}
