import 'reflect-metadata';
import { dataSourceOptions, loadConfig, runMigrationsExclusively } from '@libs/platform';
import { DataSource } from 'typeorm';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES } from '../bounded-contexts.js';

/**
 * `npm run migration:run | migration:revert | migration:show`: the migrations of
 * the contexts named in APP_CONTEXTS, against DATABASE_URL. Failures print one line
 * (a configuration error, or e.g. reverting a migration another context owns).
 */
async function migrate(command: string | undefined): Promise<number> {
  // Migrations read and seal no secret: no SECRETS_ENCRYPTION_KEYS needed, even in production.
  const config = loadConfig(process.env, CONTEXT_NAMES, []);
  const migrations = BOUNDED_CONTEXTS.filter((context) => config.contexts.includes(context.name)).flatMap(
    (context) => context.migrations,
  );
  const dataSource = await new DataSource(dataSourceOptions(config, migrations)).initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrationsExclusively(dataSource, config.databaseUrl, config.databasePoolSize);
      console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'Nothing to apply');
      return 0;
    }
    if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration');
      return 0;
    }
    if (command === 'show') {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'Migrations are pending' : 'All migrations are applied');
      return pending ? 1 : 0;
    }
    console.error('Usage: migrate.js run | revert | show');
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

try {
  process.exitCode = await migrate(process.argv[2]);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
