import type { Claim } from './claim';
import type { FloorFit } from './compare';

/**
 * A claim of "楼上" with no floor number (see lib/parse/upstairs.ts), against one outlet.
 * Above a bank (交行楼上, 同一栋楼) is never the outlet; plain 楼上 is not a street-level outlet
 * (an outlet whose address names no floor, or only the first two), and says nothing against an
 * outlet registered upstairs (期货大厦16层). Null when the claim says nothing of the kind, or
 * states a floor or an upper room (then the floor is compared as usual).
 */
export function upstairsFit(c: Claim, registeredFloors: number[], registeredLabels: string[], registered: FloorFit['registered'], ownUnit = false): FloorFit | null {
  // A stated floor is compared as usual; so is a room upstairs (1803). A room on the first
  // floors (101卡), or the outlet's own unit (商场W1015号), is the outlet: the office is above it.
  // The top floor (顶楼, 顶层, 天台) is upstairs too, with no number.
  const top = c.labels.some((l) => /^(?:顶层|顶楼|天台层)$/.test(l));
  const upstairs = c.upstairs ?? (top ? 'building' : null);
  if (!upstairs || c.floors.length > 0 || (c.inferred !== null && c.inferred >= 3 && !ownUnit)) return null;
  const claimed = { floors: [], labels: ['楼上'] };
  const streetLevel = registeredFloors.every((f) => f <= 2) && registeredLabels.every((l) => l === 'G' || l === '底商');
  if (upstairs === 'bank' || streetLevel) return { status: 'mismatched', compatible: false, upstairs: true, byRoom: false, claimed, registered, saidUpstairs: true };
  return { status: 'not_in_registry', compatible: true, upstairs: false, byRoom: false, claimed, registered, saidUpstairs: true };
}
