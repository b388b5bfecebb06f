import type { OutletKind } from '../registry/kind';
import type { ParsedAddress, ParseResult } from '../parse';
import type { PartReport, Relation } from './compare';
import type { Reason } from './reasons';
import type { Signal } from './signals';
import type { Verdict } from './verdicts';

/**
 * What the check answers: a text in, one of six verdicts out, with the outlets that decided it,
 * the reasons in two languages, each part's status, the nearest outlets of the bank that was
 * named, its official number, and the signals of the message.
 */

export interface MatchedOutlet {
  id: number;
  bank: string;
  name: string;
  address: string;
  floors: number[];
  kind: OutletKind;
  source: { file: string; row: number; asOf: string };
  /** Where the position is from: the outlet's own, or the centre of its town, district or city. */
  precision: 'outlet' | 'town' | 'district' | 'city' | null;
  /** The licence it holds (金融许可证), for licence records. */
  licence: { code: string | null; serial: string | null; issuedAt: string | null; authority: string | null; exitedAt: string | null } | null;
  /** Other sources that list the same outlet. */
  alsoIn: { file: string; row: number }[];
  relation: Relation | 'previous_address' | 'nearby';
  district: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
  approximate: boolean;
  distanceKm?: number;
}

export interface CheckResult {
  input: string;
  verdict: Verdict;
  parsed: ParsedAddress;
  matches: MatchedOutlet[];
  reasons: Reason[];
  registry: { version: string; asOf: string; demo: boolean; title: string };
  /** Each part of the address against the outlet that decided the verdict. */
  parts: PartReport[];
  /** Registered outlets of the named bank nearest to the address, when it is not one. */
  nearest: MatchedOutlet[];
  /** The bank the text names, with its official customer-service number. */
  bank: { name: string; en: string | null; hotline: string | null } | null;
  /** The bank to call to make sure: the one the text names, else the one registered at the address. */
  callBank: { name: string; en: string | null; hotline: string | null; named: boolean } | null;
  signals: Signal[];
  /** Where the address is, as far as we can tell, for the map. */
  place: {
    province: string | null;
    city: string | null;
    district: string | null;
    candidates: string[];
    lat: number | null;
    lng: number | null;
    precision: Precision;
  };
  spans: ParseResult['spans'];
  addressSpan: [number, number];
}

/** How closely the map point is known: at the outlet, along the road, or the middle of the district or city. */
export type Precision = 'outlet' | 'road' | 'district' | 'city' | null;
