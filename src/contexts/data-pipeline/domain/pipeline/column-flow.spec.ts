import { describe, expect, it } from '@jest/globals';
import { unknownColumnProblems } from './column-flow.js';
import type { PipelineDefinition } from './pipeline-definition.js';

const DEFINITION: PipelineDefinition = {
  steps: [
    { name: 'raw', kind: 'extract', source: { kind: 'dataset-version', versionId: 'v1' } },
    { name: 'other', kind: 'extract', source: { kind: 'object', objectKey: 'k', format: 'csv' } },
    {
      name: 'shaped',
      kind: 'transform',
      input: 'raw',
      operations: [
        { op: 'rename', columns: { name: 'label' } },
        { op: 'select', columns: ['id', 'label', 'name'] },
        { op: 'derive', column: 'size', expression: 'length(label)' },
        { op: 'deduplicate', keys: ['size', 'gone'] },
        { op: 'join', with: 'other', on: ['id'], how: 'inner' },
        { op: 'cast', columns: { anything: 'string' } },
      ],
    },
    {
      name: 'checked',
      kind: 'validate',
      input: 'raw',
      suite: {
        checks: [
          { name: 'present', kind: 'not_null', column: 'name' },
          { name: 'unique', kind: 'unique', columns: ['id', 'absent'] },
        ],
      },
      key: ['missing'],
    },
    { name: 'store', kind: 'load', input: 'shaped', dataset: 'clean', format: 'parquet' },
  ],
};

describe('unknownColumnProblems', () => {
  it('follows the columns through each operation where the extract’s columns are known, and stops where they are not', () => {
    expect(unknownColumnProblems(DEFINITION, new Map([['raw', ['id', 'name']]]))).toEqual([
      { field: 'steps[2].operations[1].columns', message: 'names columns the input does not have: name' },
      { field: 'steps[2].operations[3].keys', message: 'names columns the input does not have: gone' },
      { field: 'steps[3].key', message: 'names columns the input does not have: missing' },
      { field: 'steps[3].suite.checks[1].columns', message: 'names columns the input does not have: absent' },
    ]);
  });

  it('knows the columns from a select on, even when the extract’s are not known', () => {
    expect(unknownColumnProblems(DEFINITION, new Map())).toEqual([
      { field: 'steps[2].operations[3].keys', message: 'names columns the input does not have: gone' },
    ]);
  });
});
