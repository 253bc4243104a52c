import type { DataSourceOptions } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config.js';

export type MigrationList = readonly (new () => unknown)[];

/**
 * One DataSource for the process; every context keeps its tables in its own
 * schema (entities name it). Migrations of the hosted contexts run through
 * runMigrationsExclusively, never TypeORM's unlocked `migrationsRun`.
 */
export function dataSourceOptions(
  config: Pick<PlatformConfig, 'databaseUrl' | 'databasePoolSize'>,
  migrations: MigrationList,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    poolSize: config.databasePoolSize,
    migrations: [...migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries reach the caller, which answers or logs them as JSON with the request id; TypeORM's own
    // logger would print them to the console with their parameters (emails, hashes).
    logging: false,
    extra: { application_name: 'mlops-platform', connectionTimeoutMillis: 5000 },
  };
}
