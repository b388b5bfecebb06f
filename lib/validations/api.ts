import { z } from 'zod';
import { VERDICTS } from '../check/verdicts';

/** What the API accepts and answers, in one place: route handlers parse with these, the OpenAPI document is generated from them. */

export const CheckRequest = z
  .object({ text: z.string().describe('The address, or the whole SMS / WeChat message, as received.') })
  .strict()
  .meta({ id: 'CheckRequest' });

export const CheckQuery = z.object({ text: z.string().describe('The address or message, URL-encoded.') });

export const BatchRequest = z
  .object({ texts: z.array(z.string()).min(1).max(1000).describe('Up to 1,000 texts, each checked on its own.') })
  .strict()
  .meta({ id: 'BatchRequest' });

const PartStatus = z.enum(['confirmed', 'mismatched', 'not_in_registry', 'not_given']);
const Reason = z.object({ code: z.string(), message: z.string().describe('Chinese'), messageEn: z.string() });
const Outlet = z.object({
  bank: z.string(),
  name: z.string(),
  address: z.string(),
  floors: z.array(z.number().int()),
  kind: z.enum(['staffed', 'self_service', 'non_bank']),
  source: z.object({ file: z.string(), row: z.number().int(), asOf: z.string() }),
  id: z.number().int(),
  relation: z.string(),
  district: z.string().nullable(),
  city: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  approximate: z.boolean(),
  distanceKm: z.number().optional(),
});

export const ParsedAddress = z
  .object({
    province: z.string().nullable(),
    city: z.string().nullable(),
    district: z.string().nullable(),
    road: z.string().nullable(),
    roadNo: z.string().nullable(),
    building: z.string().nullable(),
    buildingNo: z.string().nullable(),
    floors: z.array(z.number().int()),
    floorLabels: z.array(z.string()),
    inferredFloor: z.number().int().nullable(),
    room: z.string().nullable(),
    bank: z.string().nullable(),
    branch: z.string().nullable(),
  })
  .meta({ id: 'ParsedAddress' });

export const CheckResponse = z
  .object({
    input: z.string(),
    verdict: z.enum(VERDICTS),
    parsed: ParsedAddress,
    matches: z.array(Outlet),
    reasons: z.array(Reason),
    registry: z.object({ version: z.string(), asOf: z.string(), demo: z.boolean(), title: z.string() }),
    parts: z.array(z.object({ part: z.string(), status: PartStatus, claimed: z.string().nullable(), registered: z.string().nullable() })),
    nearest: z.array(Outlet),
    bank: z.object({ name: z.string(), en: z.string().nullable(), hotline: z.string().nullable() }).nullable().describe('The bank the text names.'),
    callBank: z
      .object({ name: z.string(), en: z.string().nullable(), hotline: z.string().nullable(), named: z.boolean() })
      .nullable()
      .describe('The bank to call to make sure: the one named, else the one registered at the address.'),
    signals: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string(), evidence: z.string() })),
    steps: z.array(z.object({ code: z.enum(['report_12321', 'call_96110']), message: z.string(), messageEn: z.string() })).optional().describe('Official next steps beyond the bank\'s number: report the caller to 12321; 96110 when money or a code was asked for.'),
    places: z
      .array(z.object({ role: z.enum(['checked', 'other', 'old', 'landmark', 'context']), span: z.tuple([z.number().int(), z.number().int()]), text: z.string(), parsed: ParsedAddress.nullable() }))
      .optional()
      .describe('Every place found in the message, each with its own parse; role "checked" is the one compared with the registry. Empty when the text holds one place.'),
    place: z.object({
      province: z.string().nullable(),
      city: z.string().nullable(),
      district: z.string().nullable(),
      candidates: z.array(z.string()),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      precision: z.enum(['outlet', 'road', 'district', 'city']).nullable(),
    }),
    spans: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])),
    addressSpan: z.tuple([z.number().int(), z.number().int()]),
    shareUrl: z.url().describe('A link to the result page; it carries the text and is checked again when opened.'),
  })
  .meta({ id: 'CheckResponse' });

export const ErrorCode = z.enum(['invalid_json', 'invalid_request', 'empty', 'binary', 'invalid_utf8', 'too_long', 'payload_too_large', 'unsupported_media_type', 'rate_limited', 'not_found', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorResponse = z
  .object({ error: z.object({ code: ErrorCode, message: z.string() }) })
  .meta({ id: 'ErrorResponse' });

export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    registry: z.object({
      version: z.string(),
      asOf: z.string(),
      demo: z.boolean(),
      outlets: z.number().int(),
      sources: z.array(z.object({ file: z.string(), bank: z.string(), region: z.string(), asOf: z.string() })),
    }),
    uptimeSeconds: z.number(),
  })
  .meta({ id: 'HealthResponse' });
