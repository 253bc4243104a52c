import pg from 'pg';
import { TEST_POSTGRES_URL } from '@libs/testing';

/**
 * A database of its own on the test server, standing for an external PostgreSQL a table source
 * points at. `url` carries a password the server ignores (trust authentication), so a test can show
 * the connection string never reaches a client.
 */
export class ExternalPostgres {
  private constructor(
    readonly name: string,
    readonly url: string,
    readonly client: pg.Client,
  ) {}

  static async create(password: string): Promise<ExternalPostgres> {
    const name = `external_${process.env.JEST_WORKER_ID ?? '1'}_${Date.now()}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    url.password = password;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return new ExternalPostgres(name, url.toString(), client);
  }

  async drop(): Promise<void> {
    await this.client.end();
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`));
  }
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
