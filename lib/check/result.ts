import * as z from 'zod/mini';
import type { ParsedAddress as ParserParsedAddress } from '../parse';
import { OUTLET_KINDS } from '../registry/kind';
import { REASON_CODES } from './reasons';
import { VERDICTS } from './verdicts';

/**
 * What the check answers, as zod schemas with the TypeScript types inferred from them: written
 * once, for the core, the API (lib/api/answer.ts adds shareUrl), its OpenAPI document and the
 * browser extension, which reads the answer by these same schemas. In zod/mini, so that the
 * extension's bundle stays small (classic zod would be some 700 KB of it); the server's classic
 * schemas take these in their shapes as they are.
 * A text in, one of six verdicts out, with the outlets that decided it, the reasons in two
 * languages, each part's status, the nearest outlets of the bank that was named, its official
 * number, and the signals of the message.
 */

const int = () => z.int();
/** The schema itself, with a description for the OpenAPI document (mini's form of .describe). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};
const span = z.tuple([int(), int()]);

/** The parts compared with an outlet, named as the parser names them. */
export const PART_NAMES = ['bank', 'branch', 'district', 'road', 'roadNo', 'building', 'buildingNo', 'floors', 'room'] as const;
export const PartName = z.enum(PART_NAMES);
export type PartName = z.infer<typeof PartName>;

export const PartStatus = z.enum(['confirmed', 'mismatched', 'not_in_registry', 'not_given']);
export type PartStatus = z.infer<typeof PartStatus>;

/** A floor as numbers and labels (裙楼, 夹层), for the pages to put in words. */
export const Level = z.object({ floors: z.array(int()), labels: z.array(z.string()) });
export type Level = z.infer<typeof Level>;
/** In a part report, with byRoom: the floor was read from a room number (1803 → 18). */
const PartLevel = z.extend(Level, { byRoom: z.boolean() });

export const PartReport = z.object({
  part: PartName,
  status: PartStatus,
  /** The claimed and registered values in Chinese, as the command line shows them. */
  claimed: z.nullable(z.string()),
  registered: z.nullable(z.string()),
  /** For the floors: the values as numbers and labels, to be put in the reader's words. */
  levels: z.optional(z.object({ claimed: z.nullable(PartLevel), registered: z.nullable(PartLevel) })),
});
export type PartReport = z.infer<typeof PartReport>;

export const Reason = z.object({ code: z.enum(REASON_CODES), message: described(z.string(), 'Chinese'), messageEn: z.string() });
export type Reason = z.infer<typeof Reason>;

export const Signal = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  evidence: described(z.string(), 'The words of the message that raised it.'),
});
export type Signal = z.infer<typeof Signal>;

export const RELATIONS = ['address', 'building', 'road'] as const;
export type Relation = (typeof RELATIONS)[number];

export const MatchedOutlet = z.object({
  bank: z.string(),
  name: z.string(),
  address: z.string(),
  floors: z.array(int()),
  kind: z.enum(OUTLET_KINDS),
  source: z.object({ file: z.string(), row: int(), asOf: z.string() }),
  id: int(),
  relation: z.enum([...RELATIONS, 'previous_address', 'nearby']),
  district: z.nullable(z.string()),
  city: z.nullable(z.string()),
  lat: z.nullable(z.number()),
  lng: z.nullable(z.number()),
  approximate: z.boolean(),
  /** outlet: its own position; town, district, city: the centre of that division (an area on the map). */
  precision: z.nullable(z.enum(['outlet', 'town', 'district', 'city'])),
  /** The 金融许可证 it holds, for licence records: 机构编码, 流水号, 发证日期, 发证机关, and 退出时间 once withdrawn. */
  licence: z.nullable(
    z.object({ code: z.nullable(z.string()), serial: z.nullable(z.string()), issuedAt: z.nullable(z.string()), authority: z.nullable(z.string()), exitedAt: z.nullable(z.string()) }),
  ),
  /** Other sources that list the same outlet. */
  alsoIn: z.array(z.object({ file: z.string(), row: int() })),
  distanceKm: z.optional(z.number()),
});
export type MatchedOutlet = z.infer<typeof MatchedOutlet>;

export const ParsedAddress = z
  .object({
    province: z.nullable(z.string()),
    city: z.nullable(z.string()),
    district: z.nullable(z.string()),
    road: z.nullable(z.string()),
    roadNo: z.nullable(z.string()),
    building: z.nullable(z.string()),
    buildingNo: z.nullable(z.string()),
    floors: z.array(int()),
    floorLabels: z.array(z.string()),
    inferredFloor: z.nullable(int()),
    room: z.nullable(z.string()),
    bank: z.nullable(z.string()),
    branch: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'ParsedAddress' });

/** The parser declares its answer as a type (lib/parse): this fails to compile when the two part. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type ParsedAddressAgrees = Holds<Same<z.infer<typeof ParsedAddress>, ParserParsedAddress>>;

/** How closely the map point is known: at the outlet, along the road, or the middle of the district or city. */
export const Precision = z.nullable(z.enum(['outlet', 'road', 'district', 'city']));
export type Precision = z.infer<typeof Precision>;

/** A bank as the answer names it, with its official customer-service number. */
export const Bank = z.object({ name: z.string(), en: z.nullable(z.string()), hotline: z.nullable(z.string()) });

export const CheckResult = z.object({
  input: z.string(),
  verdict: z.enum(VERDICTS),
  parsed: ParsedAddress,
  matches: z.array(MatchedOutlet),
  reasons: z.array(Reason),
  registry: z.object({ version: z.string(), asOf: z.string(), demo: z.boolean(), title: z.string() }),
  parts: described(z.array(PartReport), 'Each part of the address against the outlet that decided the verdict.'),
  nearest: described(z.array(MatchedOutlet), 'Registered outlets of the named bank nearest to the address, when it is not one.'),
  bank: described(z.nullable(Bank), 'The bank the text names, with its official customer-service number.'),
  callBank: described(z.nullable(z.extend(Bank, { named: z.boolean() })), 'The bank to call to make sure: the one the text names, else the one registered at the address.'),
  signals: z.array(Signal),
  steps: described(
    z.array(z.object({ code: z.enum(['report_12321', 'call_96110']), message: z.string(), messageEn: z.string() })),
    "Official next steps beyond the bank's number: report the caller to 12321; 96110 when money or a code was asked for.",
  ),
  places: described(
    z.array(z.object({ role: z.enum(['checked', 'other', 'old', 'landmark', 'context']), span, text: z.string(), parsed: z.nullable(ParsedAddress) })),
    'Every place found in the message, each with its own parse; role "checked" is the one compared with the registry. Empty when the text holds one place.',
  ),
  place: described(
    z.object({
      province: z.nullable(z.string()),
      city: z.nullable(z.string()),
      district: z.nullable(z.string()),
      candidates: z.array(z.string()),
      lat: z.nullable(z.number()),
      lng: z.nullable(z.number()),
      precision: Precision,
    }),
    'Where the address is, as far as we can tell, for the map.',
  ),
  spans: z.record(z.string(), span),
  addressSpan: span,
});
export type CheckResult = z.infer<typeof CheckResult>;
