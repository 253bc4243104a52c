import { Injectable, type Abstract } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PipelineRunLogSource } from '@contexts/data-pipeline';
import { BatchPredictionLogSource } from '@contexts/prediction';
import { TaskLogSource } from '@contexts/workflow-engine';
import type { LogSource } from '@libs/platform';
import { LogSources } from '../../application/ports/log-sources.js';

/** Every context facade that offers run logs (docs/adr/0605). */
const FACADES: readonly Abstract<LogSource>[] = [TaskLogSource, PipelineRunLogSource, BatchPredictionLogSource];

/**
 * The log sources bound in this process, found once: those of the contexts it hosts, the workflow
 * engine's wherever it runs (its facades read its schema here, docs/adr/0702), and in a split
 * deployment the others' HTTP bindings (docs/adr/0704). Without SERVICE_CALL_SECRET a context this
 * process does not host has no binding, and its logs are not searched here.
 */
@Injectable()
export class HostedLogSources extends LogSources {
  private found?: readonly LogSource[];

  constructor(private readonly modules: ModuleRef) {
    super();
  }

  hosted(): readonly LogSource[] {
    this.found ??= FACADES.flatMap((facade) => {
      try {
        return [this.modules.get(facade, { strict: false })];
      } catch {
        return [];
      }
    });
    return this.found;
  }
}
