import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contractParts, parse } from '../../lib/parse';
import { EVAL_DIR, evalDataPresent, goldFloors, goldRoom, goldSpanText, readCorpus } from './corpus';

// Reads ../shared/data in place; where it is absent these tests report themselves skipped.
describe.skipIf(!evalDataPresent())('parser on the labelled corpora (dev splits)', () => {
  for (const corpus of ['naacl2019', 'supermap-v2']) {
    test(`${corpus}: floors ≥ 98%, invented floors ≤ 0.3%, rooms ≥ 95%, districts ≥ 97%`, () => {
      let floorOk = 0, floorN = 0, invented = 0, noFloor = 0, roomOk = 0, roomN = 0, districtOk = 0, districtN = 0;
      for (const line of readCorpus(path.join(EVAL_DIR, corpus, 'dev.txt'))) {
        const p = contractParts(parse(line.text));
        const gf = goldFloors(line);
        if (gf.kind === 'value') {
          floorN++;
          if (JSON.stringify(p.floors) === JSON.stringify(gf.value)) floorOk++;
        } else if (gf.kind === 'none') {
          noFloor++;
          if (p.floors.length) invented++;
        }
        const gr = goldRoom(line);
        if (gr.kind === 'value') {
          roomN++;
          if (p.room === gr.value) roomOk++;
        }
        const gd = goldSpanText(line, 'district');
        if (gd !== null) {
          districtN++;
          if (p.district === gd) districtOk++;
        }
      }
      expect(floorOk / floorN).toBeGreaterThanOrEqual(0.98);
      expect(invented / noFloor).toBeLessThanOrEqual(0.003);
      expect(roomOk / roomN).toBeGreaterThanOrEqual(0.95);
      expect(districtOk / districtN).toBeGreaterThanOrEqual(0.97);
    });
  }
});

describe.skipIf(!evalDataPresent())('tricky cases', () => {
  const cases = evalDataPresent()
    ? (JSON.parse(fs.readFileSync(path.join(EVAL_DIR, 'tricky-cases.json'), 'utf8')) as { id: number; address: string; expected: Record<string, unknown>; note?: string }[])
    : [];
  test.each(cases.map((c) => [c.id, c.address, c] as const))('#%i %s', (_id, _address, c) => {
    const p = contractParts(parse(c.address)) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(c.expected)) expect(p[k], k).toEqual(v);
  });
});
