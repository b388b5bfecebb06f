/**
 * Rooms compared as people write them: 204 is inside a registered 201~206号 (201-206, 201至206),
 * 105 is one of 105、106号, and 1803室 is 1803. A registered outlet often takes a run of units.
 */
const RANGE = /^([A-Za-z]?)(\d{1,5})(?:-|至|到)\1?(\d{1,5})号?$/;

function units(room: string): string[] | { prefix: string; from: number; to: number } {
  const r = room.replace(/[号室房]$/, '').trim();
  const m = RANGE.exec(r);
  if (m && m[2].length === m[3].length && Number(m[3]) > Number(m[2]) && Number(m[3]) - Number(m[2]) <= 50) {
    return { prefix: m[1].toUpperCase(), from: Number(m[2]), to: Number(m[3]) };
  }
  return r.split(/[、,，及和]/).map((u) => u.replace(/[号室房]$/, '').toUpperCase()).filter(Boolean);
}

function inside(one: string, set: ReturnType<typeof units>): boolean {
  if (Array.isArray(set)) return set.includes(one);
  const m = /^([A-Za-z]?)(\d{1,5})$/.exec(one);
  return !!m && m[1].toUpperCase() === set.prefix && Number(m[2]) >= set.from && Number(m[2]) <= set.to;
}

/** Whether a claimed room is the registered one, or inside the registered range or list. */
export function sameRoom(claimed: string, registered: string): boolean {
  if (claimed === registered) return true;
  const a = units(claimed);
  const b = units(registered);
  if (Array.isArray(a) && a.length === 1) return inside(a[0], b);
  if (Array.isArray(b) && b.length === 1) return inside(b[0], a);
  if (Array.isArray(a) && Array.isArray(b)) return a.every((u) => b.includes(u));
  if (!Array.isArray(a) && !Array.isArray(b)) return a.prefix === b.prefix && a.from >= b.from && a.to <= b.to;
  return Array.isArray(a) ? a.every((u) => inside(u, b)) : false;
}
