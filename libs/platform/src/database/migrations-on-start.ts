import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens.js';
import type { PlatformConfig } from '../config/platform-config.js';
import { runMigrationsExclusively } from './migration-lock.js';

/** MIGRATIONS_RUN_ON_START: brings the schemas up to date before anything uses them. */
@Injectable()
export class MigrationsOnStart implements OnModuleInit {
  private readonly logger = new Logger(MigrationsOnStart.name);

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.runMigrationsOnStart) return;
    const applied = await runMigrationsExclusively(
      this.dataSource,
      this.config.databaseUrl,
      this.config.databasePoolSize,
    );
    if (applied.length > 0) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
}
