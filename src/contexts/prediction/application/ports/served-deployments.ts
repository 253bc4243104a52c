import type { Deployment } from '../../domain/deployment/deployment.js';

/**
 * Port: the deployments the serving path reads on every request, by id or by (project, name). The
 * adapter may answer a copy a few seconds old (docs/adr/0502): writes announce the deployments
 * they change so every process drops its copy, and a short TTL bounds a missed announcement.
 * Writes never read through here: they read the repository inside their transaction.
 */
export abstract class ServedDeployments {
  abstract byId(id: string): Promise<Deployment | undefined>;
  abstract byName(projectId: string, name: string): Promise<Deployment | undefined>;
}
