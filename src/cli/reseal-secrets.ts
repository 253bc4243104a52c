import 'reflect-metadata';
import { ConfigError, createApp, createLogger, loadConfig, SealedSecretStores, SecretNotOpened } from '@libs/platform';
import { AppModule } from '../app.module.js';
import { BOUNDED_CONTEXTS, CONTEXT_NAMES } from '../bounded-contexts.js';

/**
 * `npm run secrets:reseal`: rewrites every stored secret under the first key of
 * SECRETS_ENCRYPTION_KEYS: the ones written in clear before encryption, and those of an older key
 * after a rotation, which may then leave the list (docs/adr/0015). The contexts of APP_CONTEXTS
 * (all by default) are initialised without listening or running workers; safe beside running
 * instances, and to run again.
 */
try {
  const config = loadConfig({ ...process.env, APP_ROLE: 'api', MIGRATIONS_RUN_ON_START: 'false' }, CONTEXT_NAMES);
  const logger = createLogger(config.logLevel);
  const app = await createApp(AppModule.forRoot(config, BOUNDED_CONTEXTS), config, logger);
  await app.init();
  try {
    const report = await app.get(SealedSecretStores).resealAll();
    for (const { name, resealed } of report) console.log(`${name}: ${resealed} re-sealed`);
    console.log(
      `The secrets of ${config.contexts.join(', ')} are sealed with key "${config.secretsEncryption.keys[0].id}".`,
    );
  } finally {
    await app.close();
    logger.flush();
  }
} catch (error) {
  // Either names what to fix (a variable, a row whose key is missing); anything else is a bug, with its stack.
  console.error(error instanceof ConfigError || error instanceof SecretNotOpened ? error.message : error);
  process.exit(1);
}
