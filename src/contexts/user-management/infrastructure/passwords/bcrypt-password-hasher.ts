import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PasswordHasher } from '../../domain/users/password-hasher.js';
import { USER_MANAGEMENT_CONFIG, type UserManagementConfig } from '../config/user-management-config.js';
import { BcryptWorkerPool } from './bcrypt-worker-pool.js';

/** bcrypt at BCRYPT_COST on BCRYPT_THREADS worker threads: the event loop never computes a hash. */
@Injectable()
export class BcryptPasswordHasher extends PasswordHasher implements OnApplicationShutdown {
  private readonly pool: BcryptWorkerPool;
  private decoy?: Promise<string>;

  constructor(@Inject(USER_MANAGEMENT_CONFIG) private readonly config: UserManagementConfig) {
    super();
    this.pool = new BcryptWorkerPool(config.bcryptThreads);
  }

  async hash(password: string): Promise<string> {
    return (await this.pool.run({ op: 'hash', password, cost: this.config.bcryptCost })) as string;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    return (await this.pool.run({ op: 'compare', password, hash })) === true;
  }

  decoyHash(): Promise<string> {
    // A random password nobody knows, hashed once per process at the configured cost.
    this.decoy ??= this.hash(randomUUID());
    return this.decoy;
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.close();
  }
}
