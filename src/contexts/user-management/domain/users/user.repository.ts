import type { Email } from './email.js';
import type { User } from './user.js';

export interface UserPage {
  readonly items: User[];
  readonly nextCursor: string | null;
}

/** Port: where accounts live. */
export abstract class UserRepository {
  abstract findById(id: string): Promise<User | undefined>;
  abstract findByEmail(email: Email): Promise<User | undefined>;
  abstract list(limit: number, cursor?: string): Promise<UserPage>;
  abstract countAdmins(): Promise<number>;
  /** Inserts or updates; throws EmailTaken on a duplicate email, ConcurrencyError on a stale version. */
  abstract save(user: User): Promise<void>;
}
