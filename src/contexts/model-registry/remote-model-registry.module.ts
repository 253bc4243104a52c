import { Module, type DynamicModule } from '@nestjs/common';
import { ModelRegistryFacade } from './contracts/model-registry.facade.js';
import { HttpModelRegistryFacade } from './infrastructure/http-facades/http-model-registry.facade.js';

/** The registry's facade where the registry is hosted elsewhere: its HTTP binding (docs/adr/0704). */
@Module({})
export class RemoteModelRegistryModule {
  static register(): DynamicModule {
    return {
      module: RemoteModelRegistryModule,
      providers: [{ provide: ModelRegistryFacade, useClass: HttpModelRegistryFacade }],
      exports: [ModelRegistryFacade],
    };
  }
}
