import { roadKey, roadNumbers } from './keys';
import type { ParseResult } from '../parse';
import type { RawRow } from './sources';

/**
 * The rules for the regulator's licence records that are not about one row: the same licence
 * (机构编码) in several files is one licence, the newest 发证日期 winning; a withdrawn licence
 * whose code is also in use was re-licensed and is no history; a previous record counts as a
 * move only when its road or number differs, never for a formatting change or a new name.
 */

export type LicenceState = 'in_use' | 'exited';

export interface LicenceRow {
  sourceIndex: number;
  row: RawRow;
  state: LicenceState;
}

export interface MergeResult {
  kept: LicenceRow[];
  /** Rows merged into another of the same code, by the source they came from. */
  mergedBySource: Map<number, number>;
}

const newer = (a: RawRow, b: RawRow) => (a.licence?.issuedAt ?? '') > (b.licence?.issuedAt ?? '');

/** One row per licence: in use beats withdrawn, then the newest 发证日期, then the first file. */
export function mergeLicences(rows: LicenceRow[]): MergeResult {
  const byCode = new Map<string, LicenceRow>();
  const kept: LicenceRow[] = [];
  const mergedBySource = new Map<number, number>();
  const merged = (r: LicenceRow) => mergedBySource.set(r.sourceIndex, (mergedBySource.get(r.sourceIndex) ?? 0) + 1);
  for (const r of rows) {
    const code = r.row.licence?.code;
    if (!code) {
      kept.push(r);
      continue;
    }
    const key = code.toUpperCase();
    const have = byCode.get(key);
    if (!have) {
      byCode.set(key, r);
      continue;
    }
    const better = (r.state === 'in_use' && have.state === 'exited') || (r.state === have.state && newer(r.row, have.row));
    if (better) {
      byCode.set(key, r);
      merged(have);
    } else merged(r);
  }
  kept.push(...byCode.values());
  // A fixed order whatever the files: the same records give the same registry and version.
  kept.sort((a, b) => (a.row.licence?.code ?? '').localeCompare(b.row.licence?.code ?? '') || a.state.localeCompare(b.state) || a.row.address.localeCompare(b.row.address));
  return { kept, mergedBySource };
}

/** Whether a previous address is another place: another road, or another number on it. */
export function isMove(current: ParseResult, previous: ParseResult): boolean {
  const roadNow = roadKey(current.road);
  const roadThen = roadKey(previous.road);
  const numsNow = roadNumbers(current.roadNo);
  const numsThen = roadNumbers(previous.roadNo);
  if (!roadThen && !previous.building) return false;
  if (roadNow && roadThen && roadNow !== roadThen && !roadNow.endsWith(roadThen) && !roadThen.endsWith(roadNow)) return true;
  if (numsNow.length && numsThen.length && !numsThen.some((n) => numsNow.includes(n))) return true;
  if (!roadNow && roadThen) return true;
  return false;
}
