import type { CheckResult } from './index';

/**
 * A check result in the order the command-line contract gives its keys (input, verdict,
 * parsed, matches, reasons, registry), the rest after; each match with bank, name, address,
 * floors, kind, source first. The API answers the same object.
 */
export function contractOrder(r: CheckResult): Record<string, unknown> {
  const { input, verdict, parsed, matches, reasons, registry, ...rest } = r;
  const outlet = ({ bank, name, address, floors, kind, source, ...more }: CheckResult['matches'][number]) => ({ bank, name, address, floors, kind, source, ...more });
  return { input, verdict, parsed, matches: matches.map(outlet), reasons, registry, ...rest, nearest: rest.nearest.map(outlet) };
}
