import type { CheckSuiteInput } from '../checks/check-suite.js';
import type { VersionFormat } from '../dataset/dataset-version.js';
import type { ColumnType } from '../schema/column-type.js';

/**
 * Where an extract step reads its table: a dataset version of the project, an object under the
 * project's prefix, or an HTTP(S) URL fetched through the outbound (SSRF) policy.
 */
export type ExtractSource =
  | { readonly kind: 'dataset-version'; readonly versionId: string }
  | { readonly kind: 'object'; readonly objectKey: string; readonly format: VersionFormat }
  | { readonly kind: 'url'; readonly url: string; readonly format: VersionFormat }
  /** A snapshot query against a configured table source, run when the step runs. */
  | { readonly kind: 'table-source'; readonly source: string; readonly query: string };

/**
 * One declarative operation of a transform step, applied in order. Expressions (filter, derive)
 * are the only user SQL, each checked to be one expression over the table before it is stored.
 */
export type TransformOperation =
  | { readonly op: 'select'; readonly columns: readonly string[] }
  | { readonly op: 'rename'; readonly columns: Readonly<Record<string, string>> }
  | { readonly op: 'cast'; readonly columns: Readonly<Record<string, ColumnType>> }
  | { readonly op: 'filter'; readonly expression: string }
  | { readonly op: 'derive'; readonly column: string; readonly expression: string }
  | { readonly op: 'deduplicate'; readonly keys: readonly string[] }
  | { readonly op: 'join'; readonly with: string; readonly on: readonly string[]; readonly how: 'inner' | 'left' }
  | { readonly op: 'sample'; readonly fraction: number; readonly seed: number }
  | {
      readonly op: 'split';
      readonly part: 'train' | 'test';
      /** The train part's share: the test part of the same seed and fraction holds exactly the other rows. */
      readonly trainFraction: number;
      readonly seed: number;
    };

export type TransformOperationKind = TransformOperation['op'];

export interface ExtractStep {
  readonly name: string;
  readonly kind: 'extract';
  readonly source: ExtractSource;
}

export interface TransformStep {
  readonly name: string;
  readonly kind: 'transform';
  readonly input: string;
  readonly operations: readonly TransformOperation[];
}

export interface ValidateStep {
  readonly name: string;
  readonly kind: 'validate';
  readonly input: string;
  readonly suite: CheckSuiteInput;
  /** The columns that name failing rows in the report; none: rows are named by their position. */
  readonly key: readonly string[];
  /** A dataset of the project that receives the rows failing error checks; the clean rows go on. */
  readonly quarantine?: { readonly dataset: string };
}

export interface LoadStep {
  readonly name: string;
  readonly kind: 'load';
  readonly input: string;
  /** A dataset of the project, by name, that receives a new version. */
  readonly dataset: string;
  readonly format: VersionFormat;
}

export type PipelineStep = ExtractStep | TransformStep | ValidateStep | LoadStep;
export type PipelineStepKind = PipelineStep['kind'];

/** The steps of one pipeline version, in the order they run; each step reads only earlier steps. */
export interface PipelineDefinition {
  readonly steps: readonly PipelineStep[];
}

/** The steps a step reads: its input and the steps its joins name. */
export function stepInputs(step: PipelineStep): string[] {
  if (step.kind === 'extract') return [];
  if (step.kind !== 'transform') return [step.input];
  const joined = step.operations.flatMap((operation) => (operation.op === 'join' ? [operation.with] : []));
  return [step.input, ...joined];
}

/** The datasets the definition writes to, by name: load targets and quarantines. */
export function targetDatasets(definition: PipelineDefinition): string[] {
  return [
    ...new Set(
      definition.steps.flatMap((step) => {
        if (step.kind === 'load') return [step.dataset];
        if (step.kind === 'validate' && step.quarantine) return [step.quarantine.dataset];
        return [];
      }),
    ),
  ];
}

/** The expressions of the definition with where they sit, for the engine's guard. */
export function definitionExpressions(definition: PipelineDefinition): { field: string; expression: string }[] {
  return definition.steps.flatMap((step, index) =>
    step.kind === 'transform'
      ? step.operations.flatMap((operation, at) =>
          operation.op === 'filter' || operation.op === 'derive'
            ? [{ field: `steps[${index}].operations[${at}].expression`, expression: operation.expression }]
            : [],
        )
      : [],
  );
}
