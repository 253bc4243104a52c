import { Injectable } from '@nestjs/common';
import { ValidationError, type FieldProblem } from '@libs/ddd';
import { referencedTable } from '../../domain/checks/check.js';
import type { CheckSuite } from '../../domain/checks/check-suite.js';
import { DatasetRepository } from '../../domain/dataset/dataset.repository.js';
import { DatasetVersionRepository } from '../../domain/dataset/dataset-version.repository.js';
import { PipelineDefinitionUnfit } from '../../domain/errors.js';
import { unknownColumnProblems } from '../../domain/pipeline/column-flow.js';
import { definePipeline } from '../../domain/pipeline/define-pipeline.js';
import {
  definitionExpressions,
  type PipelineDefinition,
  type PipelineStep,
} from '../../domain/pipeline/pipeline-definition.js';
import { QueryEngine } from '../ports/query-engine.js';
import { TableSources } from '../ports/table-sources.js';
import { UrlPolicy } from '../ports/url-policy.js';
import { suiteOf } from '../run-check-suite/suite-of.js';
import { projectDataPrefix } from './object-keys.js';

/**
 * A definition checked against its project before it is stored: what the domain checks alone
 * (400), then what needs the project and the engine (422 problems with the same field paths):
 * versions and datasets it names, object keys under the project's prefix, URLs the outbound policy
 * refuses outright, suites, expressions, and
 * columns where the extracted versions' schemas make them knowable.
 */
@Injectable()
export class PipelineDefinitions {
  constructor(
    private readonly datasets: DatasetRepository,
    private readonly versions: DatasetVersionRepository,
    private readonly engine: QueryEngine,
    private readonly urls: UrlPolicy,
    private readonly tableSources: TableSources,
  ) {}

  async check(projectId: string, input: unknown): Promise<PipelineDefinition> {
    const definition = definePipeline(input);
    const problems: FieldProblem[] = [];
    const extractColumns = new Map<string, readonly string[]>();
    const names = new Set((await this.datasets.listByProject(projectId)).map((dataset) => dataset.snapshot.name));
    for (const [index, step] of definition.steps.entries()) {
      const at = `steps[${index}]`;
      problems.push(...(await this.suiteProblems(projectId, step, at)), ...datasetProblems(step, at, names));
      if (step.kind !== 'extract') continue;
      if (step.source.kind === 'url') {
        const problem = this.urls.problem(step.source.url);
        if (problem) problems.push({ field: `${at}.source.url`, message: problem });
        continue;
      }
      if (step.source.kind === 'table-source') {
        if (!this.tableSources.names().includes(step.source.source))
          problems.push({ field: `${at}.source.source`, message: 'is not a configured table source' });
        continue;
      }
      if (step.source.kind === 'object') {
        const prefix = projectDataPrefix(projectId);
        if (!step.source.objectKey.startsWith(prefix) || step.source.objectKey.split('/').includes('..'))
          problems.push({ field: `${at}.source.objectKey`, message: `must lie under ${prefix}` });
        continue;
      }
      const version = await this.versions.find(step.source.versionId);
      if (version?.projectId !== projectId)
        problems.push({ field: `${at}.source.versionId`, message: 'is not a dataset version of this project' });
      else
        extractColumns.set(
          step.name,
          version.inferredSchema.map((column) => column.name),
        );
    }
    for (const { field, expression } of definitionExpressions(definition)) {
      const problem = await this.engine.expressionProblem(expression);
      if (problem) problems.push({ field, message: problem });
    }
    problems.push(...unknownColumnProblems(definition, extractColumns));
    if (problems.length > 0) throw new PipelineDefinitionUnfit(problems);
    return definition;
  }

  /** The suite as the check catalogue reads it, and its reference tables: versions of this project. */
  private async suiteProblems(projectId: string, step: PipelineStep, at: string): Promise<FieldProblem[]> {
    if (step.kind !== 'validate') return [];
    let suite: CheckSuite;
    try {
      suite = suiteOf(step.suite);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return (error.errors ?? []).map((problem) => ({ ...problem, field: `${at}.suite.${problem.field}` }));
    }
    const problems: FieldProblem[] = [];
    for (const [index, check] of suite.checks.entries()) {
      const reference = referencedTable(check);
      if (reference === undefined || (await this.versions.find(reference))?.projectId === projectId) continue;
      problems.push({
        field: `${at}.suite.checks[${index}].reference`,
        message: 'must be the id of a dataset version of this project',
      });
    }
    return problems;
  }
}

function datasetProblems(step: PipelineStep, at: string, names: ReadonlySet<string>): FieldProblem[] {
  const named =
    step.kind === 'load'
      ? [{ field: `${at}.dataset`, name: step.dataset }]
      : step.kind === 'validate' && step.quarantine
        ? [{ field: `${at}.quarantine.dataset`, name: step.quarantine.dataset }]
        : [];
  return named
    .filter(({ name }) => !names.has(name))
    .map(({ field }) => ({ field, message: 'is not the name of a dataset of this project' }));
}
