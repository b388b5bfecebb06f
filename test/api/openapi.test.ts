import { describe, expect, test } from 'vitest';
import { VERDICTS } from '../../lib/check';
import { MAX_TEXT_LENGTH } from '../../lib/input';
import { ErrorCode } from '../../lib/api/schemas';
import { openApiDocument } from '../../lib/api/openapi';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const doc = openApiDocument();
const json = JSON.parse(JSON.stringify(doc)) as { [k: string]: Json } & { paths: Record<string, Record<string, any>> };

/** Every value of `key` anywhere in the document, with where it was found. */
function collect(node: Json, key: string, at = '#'): { at: string; value: Json }[] {
  if (node === null || typeof node !== 'object') return [];
  const out: { at: string; value: Json }[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === key) out.push({ at, value: v });
    out.push(...collect(v, key, `${at}/${k}`));
  }
  return out;
}

/** A local JSON pointer (#/a/b) resolved from the document root, or undefined. */
function resolve(root: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, Json>)[key];
  }
  return node;
}

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.x', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: '真网点 RealBranch API', version: '1.0.0' });
  });

  test('is plain JSON: serialising it loses nothing', () => {
    expect(json).toStrictEqual(doc);
  });

  test('is the same document every time', () => {
    expect(JSON.stringify(openApiDocument())).toBe(JSON.stringify(doc));
  });

  test('lists the API paths and their methods', () => {
    const methods = Object.fromEntries(Object.entries(json.paths).map(([p, ops]) => [p, Object.keys(ops).sort()]));
    expect(methods).toEqual({
      '/api/check': ['get', 'post'],
      '/api/batch': ['post'],
      '/api/health': ['get'],
    });
  });

  test.each([
    ['/api/check', 'post', ['200', '400', '413', '415', '429', '500', '503']],
    ['/api/check', 'get', ['200', '400', '413', '414', '429', '500', '503']],
    ['/api/batch', 'post', ['200', '400', '413', '415', '429', '500', '503']],
    ['/api/health', 'get', ['200', '500', '503']],
  ])('%s %s answers %j', (path, method, statuses) => {
    expect(Object.keys(json.paths[path][method].responses).sort()).toEqual(statuses);
  });

  test.each([
    ['/api/check', 'post', 'CheckRequest'],
    ['/api/batch', 'post', 'BatchRequest'],
  ])('%s %s takes a JSON %s', (path, method, schema) => {
    expect(json.paths[path][method].requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
    });
  });

  test('every error answer is an ErrorResponse', () => {
    for (const [path, ops] of Object.entries(json.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(op.responses as Record<string, any>)) {
          if (status === '200') continue;
          expect(r.content['application/json'].schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
          expect(r.description.length, `${method} ${path} ${status}`).toBeGreaterThan(10);
        }
      }
    }
  });

  test('the error codes the descriptions name are real error codes, and every code a client can get is named', () => {
    const named = new Set<string>();
    for (const { value } of collect(json, 'description')) {
      const m = /\(codes? ([^)]*)\)/.exec(String(value));
      if (m) for (const c of m[1].split(/,\s*/)) named.add(c.trim());
    }
    for (const c of named) expect(ErrorCode.options).toContain(c);
    // not_found is not answered by these routes.
    expect([...named].sort()).toEqual(ErrorCode.options.filter((c) => c !== 'not_found').sort());
  });

  test('GET /api/check limits text to the length a check accepts', () => {
    expect(json.paths['/api/check'].get.parameters).toEqual([{ name: 'text', in: 'query', required: true, schema: { type: 'string', maxLength: MAX_TEXT_LENGTH } }]);
  });

  test('the batch answer is NDJSON', () => {
    expect(Object.keys(json.paths['/api/batch'].post.responses['200'].content)).toEqual(['application/x-ndjson']);
  });

  test('the description names all six verdicts', () => {
    for (const v of VERDICTS) expect(doc.info.description).toContain(v);
  });

  test('has a component schema for every schema it refers to through components', () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['BatchRequest', 'CheckRequest', 'CheckResponse', 'ErrorResponse', 'HealthResponse', 'ParsedAddress']);
    const refs = collect(json, '$ref').map((r) => String(r.value)).filter((r) => r.startsWith('#/components/'));
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) expect(resolve(json, r), r).toBeDefined();
  });

  test('the schemas carry the limits the API enforces', () => {
    const s = JSON.stringify(doc.components.schemas.BatchRequest);
    expect(s).toContain('"minItems":1');
    expect(s).toContain('"maxItems":1000');
    expect(JSON.stringify(doc.components.schemas.CheckRequest)).toContain('"additionalProperties":false');
    for (const c of ErrorCode.options) expect(JSON.stringify(doc.components.schemas.ErrorResponse)).toContain(`"${c}"`);
    for (const v of VERDICTS) expect(JSON.stringify(doc.components.schemas.CheckResponse)).toContain(`"${v}"`);
  });

  test('uses OpenAPI 3.0 nullable, not JSON Schema type arrays or const', () => {
    expect(collect(json, 'nullable').length).toBeGreaterThan(0);
    expect(collect(json, 'type').filter((t) => Array.isArray(t.value))).toEqual([]);
    expect(collect(json, 'const')).toEqual([]);
    expect(collect(json, '$schema')).toEqual([]);
  });

  // z.toJSONSchema puts each schema that has an id under its own "definitions" and refers to
  // it as "#/definitions/<id>": inside an OpenAPI document that pointer is resolved from the
  // document root, where there is no "definitions", so every such $ref dangles (and 3.0 has no
  // "definitions" keyword in a schema object).
  test('every $ref resolves from the document root', () => {
    const dangling = collect(json, '$ref')
      .map((r) => String(r.value))
      .filter((r) => resolve(json, r) === undefined);
    expect(dangling).toEqual([]);
  });

  test('no schema object holds a "definitions" keyword (not part of OpenAPI 3.0)', () => {
    expect(collect(json, 'definitions').map((d) => d.at)).toEqual([]);
  });
});
