import fc from 'fast-check';

/** The part of JSON Schema (OpenAPI 3.1) the platform's request bodies use. */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
}

type Schemas = Readonly<Record<string, JsonSchema>>;

const nest = (depth: number, leaf: unknown): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner, _, level) => (level % 2 ? [inner] : { a: inner }), leaf);

/** Values no field should accept, or should survive: NUL, huge, deeply nested, wrong types. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string().map((text) => `${text}\u0000${text}`),
  fc.integer({ min: 10_000, max: 300_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 20, max: 2_000 }).map((depth) => nest(depth, 'deep')),
  fc.constantFrom(null, true, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, '', ' ', '0', 'null', '[]', '{}'),
  fc.constantFrom('../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '${{ 7 * 7 }}', '\uffff\ud800'),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/**
 * Bodies for an operation's request schema: mostly shaped like the schema, with hostile values in
 * some fields, extra fields, and now and then a hostile body instead of the whole.
 */
export function hostileBody(schema: JsonSchema, schemas: Schemas): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: shaped(schema, schemas, 0) }, { weight: 1, arbitrary: hostileValue });
}

function shaped(schema: JsonSchema, schemas: Schemas, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: conforming(schema, schemas, depth) }, { weight: 1, arbitrary: hostileValue });
}

function conforming(schema: JsonSchema, schemas: Schemas, depth: number): fc.Arbitrary<unknown> {
  if (schema.$ref) return conforming(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas, depth);
  const choices = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (choices?.length) {
    const merged = schema.allOf ? Object.assign({}, ...choices.map((part) => resolve(part, schemas))) : undefined;
    return merged ? conforming(merged, schemas, depth) : fc.oneof(...choices.map((c) => conforming(c, schemas, depth)));
  }
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : (schema.type ?? (schema.properties ? 'object' : ''));
  switch (type) {
    case 'string':
      return text(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(depth > 4 ? hostileValue : shaped(schema.items ?? {}, schemas, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object':
      return object(schema, schemas, depth);
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

function resolve(schema: JsonSchema, schemas: Schemas): JsonSchema {
  return schema.$ref ? (schemas[schema.$ref.split('/').pop()!] ?? {}) : schema;
}

function text(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid({ version: 7 });
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  // fast-check cannot generate from lookaround assertions: such a pattern gets arbitrary text.
  if (schema.pattern && !/\(\?<?[=!]/.test(schema.pattern)) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function object(schema: JsonSchema, schemas: Schemas, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, shaped(property, schemas, depth + 1)]),
  );
  const required = (schema.required ?? []).filter((name) => name in properties);
  const extra = schema.additionalProperties === false || schema.properties ? hostileValue : fc.jsonValue();
  return fc
    .tuple(fc.record(fields, { requiredKeys: required }), fc.option(fc.tuple(fc.string({ maxLength: 20 }), extra)))
    .map(([record, additional]) => (additional ? { ...record, [additional[0]]: additional[1] } : record));
}
