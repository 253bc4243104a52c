/**
 * Where the document describes an object without saying what it holds: `type: object` with neither
 * `properties` nor `additionalProperties`, or `additionalProperties: {}`. A client generator turns
 * either into `{}` or `unknown`, so whoever calls the API gets no type for it. A map whose values
 * are truly free says so with `additionalProperties: true`, which is not reported.
 */
export function shapelessObjectsIn(document: object): string[] {
  const found: string[] = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${at}[${index}]`));
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    if (isObjectType(schema.type) && schema.properties === undefined && schema.additionalProperties === undefined) {
      found.push(at);
    }
    if (isEmptySchema(schema.additionalProperties)) found.push(`${at}.additionalProperties`);
    for (const [key, value] of Object.entries(schema)) if (!EXAMPLES.has(key)) visit(value, `${at}.${key}`);
  };
  visit(document, '#');
  return found;
}

// Examples are values, not schemas: a workflow's example may well hold `{ "type": "object" }`.
const EXAMPLES = new Set(['example', 'examples']);

// OpenAPI 3.1 writes a nullable object as `type: ['object', 'null']`.
const isObjectType = (type: unknown) => type === 'object' || (Array.isArray(type) && type.includes('object'));

const isEmptySchema = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
