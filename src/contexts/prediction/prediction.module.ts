import { Module, type DynamicModule } from '@nestjs/common';

/** The prediction context: deployments, variants and traffic splits, model runtimes, online and batch predictions, cache. */
@Module({})
export class PredictionModule {
  static register(): DynamicModule {
    return { module: PredictionModule };
  }
}
