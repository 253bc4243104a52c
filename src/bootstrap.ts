import 'reflect-metadata';
import {
  ConfigError,
  createApp,
  createLogger,
  enforceShutdownDeadline,
  loadConfig,
  type BoundedContext,
} from '@libs/platform';
import { AppModule } from './app.module.js';

/**
 * Starts the platform with the given catalogue of contexts, of which
 * APP_CONTEXTS chooses. A bad configuration ends the process with one line.
 */
export async function bootstrap(catalogue: readonly BoundedContext[]): Promise<void> {
  try {
    const config = loadConfig(
      process.env,
      catalogue.map((context) => context.name),
      catalogue.filter((context) => context.sealsSecrets).map((context) => context.name),
    );
    const logger = createLogger(config.logLevel);
    enforceShutdownDeadline(config.shutdownTimeoutMs, logger);
    const app = await createApp(AppModule.forRoot(config, catalogue), config, logger);
    await app.listen({ port: config.port, host: config.host });
    logger.info(
      { url: await app.getUrl(), contexts: config.contexts, role: config.role, node: process.version },
      'platform started',
    );
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('Start-up failed:', error);
    process.exit(1);
  }
}
