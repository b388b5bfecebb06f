import { findBank } from '../banks';
import type { CheckResult } from '../check';
import { floorWords } from '../check/reasons';

/**
 * What a forwarded result says on its own (the preview image and the page's description): the
 * verdict, the address as checked (short), the bank's official number and the registry's date.
 * Never the rest of the message: names, phone numbers and amounts stay out.
 */
export interface Preview {
  verdict: CheckResult['verdict'];
  /** The address part of the text, at most MAX_ADDRESS characters; null when there is none. */
  address: string | null;
  /** The bank to call and its official number; null when none is known. */
  call: { bank: string; number: string } | null;
  asOf: string;
}

export const MAX_ADDRESS = 32;

export function previewOf(r: CheckResult, locale: 'zh' | 'en'): Preview {
  // The parts as read (city to room), not the text's span: that can hold the bank's or a go-between's words.
  const p = r.parsed;
  const floors = p.floors.length ? floorWords({ floors: p.floors, labels: p.floorLabels }).zh : p.floorLabels.join('');
  const room = p.room ? (/[室房]$/.test(p.room) ? p.room : `${p.room}室`) : '';
  const whole = r.verdict === 'insufficient' ? '' : [p.city, p.district, p.road, p.roadNo, p.building, p.buildingNo, floors, room].filter(Boolean).join('');
  const address = whole ? (whole.length > MAX_ADDRESS ? `${whole.slice(0, MAX_ADDRESS - 1)}…` : whole) : null;
  const b = r.callBank;
  const bank = b ? (locale === 'en' ? b.en ?? findBank(b.name)?.en ?? b.name : b.name) : null;
  return { verdict: r.verdict, address, call: b?.hotline && bank ? { bank, number: b.hotline } : null, asOf: r.registry.asOf };
}
