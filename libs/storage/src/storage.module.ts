import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OutboundBreakerMetrics } from '@libs/platform';
import { createObjectStore } from './create-object-store.js';
import { FilesystemObjectStore } from './filesystem/filesystem-object-store.js';
import { ObjectStore } from './object-store.js';
import type { StorageConfig } from './storage-config.js';

export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');

/** Ties the store's housekeeping to the application's life, so the adapters stay free of Nest. */
@Injectable()
class ObjectStoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ObjectStore) private readonly store: ObjectStore) {}

  async onApplicationBootstrap(): Promise<void> {
    // Temporary files of uploads a crash cut short would otherwise fill the disk over time.
    if (this.store instanceof FilesystemObjectStore) await this.store.removeStaleTemporaryFiles();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides ObjectStore, the adapter chosen by the configuration, to every module. */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: STORAGE_CONFIG, useValue: config },
        {
          provide: ObjectStore,
          // The metrics come with the platform module; a store built without it (a test) reports nowhere.
          useFactory: (metrics?: OutboundBreakerMetrics) =>
            createObjectStore(config, metrics && ((labels, from, to) => metrics.changed(labels, from, to))),
          inject: [{ token: OutboundBreakerMetrics, optional: true }],
        },
        ObjectStoreLifecycle,
      ],
      exports: [ObjectStore, STORAGE_CONFIG],
    };
  }
}
