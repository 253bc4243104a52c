import FindMyWay from 'find-my-way';
import type { ApiDocument } from '../../domain/openapi-merge.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

// The platform's own routes (health, metrics, dead letters) are every process's own: never forwarded.
const LOCAL_TAG = 'platform';

/** A path matched to a route: who serves it, its template (`METHOD /a/:b`, as Fastify names it) and its parameters. */
export interface RouteMatch {
  readonly instances: ReadonlySet<string>;
  readonly template: string;
  readonly params: Readonly<Record<string, string | undefined>>;
}

interface RouteEntry {
  readonly instances: Set<string>;
  readonly template: string;
}

/**
 * Which instances serve which route, learned from their OpenAPI documents (every route of a
 * context is in its document, tagged by it). A route once learned stays known after its last
 * instance left, so it answers 503 (no instance) rather than 404 until one comes back. Matching is
 * find-my-way's, Fastify's own router, so a path matches here as it would on the instance.
 */
export class RouteTable {
  private readonly servedBy = new Map<string, Set<string>>();
  private router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1> = FindMyWay();

  /** Replaces what the instances serve with what their documents say (by instance id). */
  rebuild(documents: ReadonlyMap<string, ApiDocument>): void {
    for (const instances of this.servedBy.values()) instances.clear();
    for (const [instanceId, document] of documents) {
      for (const [path, item] of Object.entries(document.paths ?? {})) {
        for (const method of METHODS) {
          const operation = item[method] as { tags?: string[] } | undefined;
          if (operation === undefined || operation.tags?.includes(LOCAL_TAG)) continue;
          const key = `${method.toUpperCase()} ${path}`;
          let instances = this.servedBy.get(key);
          if (instances === undefined) this.servedBy.set(key, (instances = new Set()));
          instances.add(instanceId);
        }
      }
    }
    const router = FindMyWay();
    for (const [key, instances] of this.servedBy) {
      const [method, path] = key.split(' ', 2);
      const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
      const entry: RouteEntry = { instances, template: `${method} ${fastifyPath}` };
      router.on(method as FindMyWay.HTTPMethod, fastifyPath, () => undefined, entry);
    }
    this.router = router;
  }

  /** The route `method path` matches, with the ids of the instances serving it; undefined for a route nobody ever served. */
  match(method: string, path: string): RouteMatch | undefined {
    const found = this.router.find(method as FindMyWay.HTTPMethod, path);
    if (found === null) return undefined;
    const { instances, template } = found.store as RouteEntry;
    return { instances, template, params: found.params };
  }
}
