import type { Labels } from './labels.js';

/** A lineage node an alert concerns, named as data-pipeline's lineage graph names it. */
export interface LineageRef {
  readonly type: string;
  readonly id: string;
}

/** One series of a signal at one evaluation: its labels (which workflow, which dataset), its value. */
export interface Sample {
  readonly projectId: string | null;
  readonly labels: Labels;
  readonly value: number;
  readonly lineage: readonly LineageRef[];
}
