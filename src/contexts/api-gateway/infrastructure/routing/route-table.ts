import FindMyWay from 'find-my-way';
import type { ApiDocument } from '../../domain/openapi-merge.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

// The platform's own routes (health, metrics, dead letters) are every process's own: never forwarded.
const LOCAL_TAG = 'platform';

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
      router.on(method as FindMyWay.HTTPMethod, path.replace(/\{([^}]+)\}/g, ':$1'), () => undefined, instances);
    }
    this.router = router;
  }

  /** The ids of the instances serving `method path`; undefined for a route nobody ever served. */
  instancesFor(method: string, path: string): ReadonlySet<string> | undefined {
    const found = this.router.find(method as FindMyWay.HTTPMethod, path);
    return found === null ? undefined : (found.store as Set<string>);
  }
}
