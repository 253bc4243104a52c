/** The parts of an OpenAPI 3.1 document the merge reads; everything else is carried as it is. */
export interface ApiDocument {
  readonly paths?: Record<string, Record<string, unknown>>;
  readonly components?: { readonly schemas?: Record<string, unknown>; readonly [part: string]: unknown };
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
  readonly [field: string]: unknown;
}

/**
 * One document from the gateway's own and every registered instance's: each path's operations,
 * each schema and each tag appear once. The first document naming one keeps it, and the gateway's
 * own comes first, so the platform's routes (health, metrics) are the gateway's; instances of the
 * same build describe a shared route or schema the same way, so which one wins does not show.
 */
export function mergeApiDocuments<T extends ApiDocument>(own: T, others: readonly ApiDocument[]): T {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  const tags = new Map<string, { readonly name: string; readonly description?: string }>();
  for (const document of [own, ...others]) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      const merged = (paths[path] ??= {});
      for (const [method, operation] of Object.entries(item)) if (!(method in merged)) merged[method] = operation;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      if (!(name in schemas)) schemas[name] = schema;
    }
    for (const tag of document.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }
  return { ...own, paths, components: { ...own.components, schemas }, tags: [...tags.values()] };
}
