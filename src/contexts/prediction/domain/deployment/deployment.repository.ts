import type { Deployment } from './deployment.js';

/** Port: the deployments of every project. */
export abstract class DeploymentRepository {
  /** Stores a new deployment; refuses a name its project has with DeploymentNameTaken. */
  abstract add(deployment: Deployment): Promise<void>;
  /** Writes a changed deployment if nobody changed it since it was read (ConcurrencyError otherwise). */
  abstract save(deployment: Deployment): Promise<void>;
  abstract remove(deployment: Deployment): Promise<void>;
  abstract find(id: string): Promise<Deployment | undefined>;
  abstract findByName(projectId: string, name: string): Promise<Deployment | undefined>;
  abstract listByProject(projectId: string): Promise<Deployment[]>;
}
