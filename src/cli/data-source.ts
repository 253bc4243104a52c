import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { dataSourceOptions, loadConfig } from '@libs/platform';
import { DataSource } from 'typeorm';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES } from '../bounded-contexts.js';

/**
 * The DataSource the TypeORM CLI reads for `npm run migration:generate`: the
 * ORM entities of every context, found by their file naming convention.
 */
const config = loadConfig(process.env, CONTEXT_NAMES, []);
const contextsDir = fileURLToPath(new URL('../contexts', import.meta.url));

export default new DataSource({
  ...dataSourceOptions(
    config,
    BOUNDED_CONTEXTS.flatMap((context) => context.migrations),
  ),
  entities: [`${contextsDir}/*/infrastructure/**/*.orm-entity.js`],
});
