/**
 * House numbers people write with a stem or a sub-number: 甲25号, 乙3号, 附1号, 18之2号, 136-5号,
 * 11号附1号. 甲17号 is the lot next to 17号, and 136-5号 the one next to 136-6号: at the same
 * road and number, a different stem or sub-number is a neighbouring lot, not the same address.
 * A number written without its sub-number (136号 for 136-5号) is not a contradiction.
 */
const STEM = /^([甲乙丙丁附])\d/;
const SUB = /^[甲乙丙丁附]?\d+(?:[-之]|号附|号之)(\d+)/;

export function stemOf(roadNo: string | null): string | null {
  return roadNo ? STEM.exec(roadNo)?.[1] ?? null : null;
}

export function subNumberOf(roadNo: string | null): number | null {
  const m = roadNo ? SUB.exec(roadNo) : null;
  return m ? Number(m[1]) : null;
}

/** Whether two road numbers that share their main number name the same lot. */
export function sameLot(claimed: string | null, registered: string | null): boolean {
  if (stemOf(claimed) !== stemOf(registered)) return false;
  const a = subNumberOf(claimed);
  const b = subNumberOf(registered);
  return a === null || b === null || a === b;
}
