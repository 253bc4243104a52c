import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { ACTOR, OTHER_PROJECT, PROJECT } from '../../../../../test/support/data-pipeline/dataset-objects.js';
import { fakePipelinePorts } from '../../../../../test/support/data-pipeline/fake-pipeline-ports.js';
import { aDefinition, aPipelineWorld } from '../../../../../test/support/data-pipeline/pipeline-objects.js';
import { PipelineDefinitionUnfit, PipelineNameTaken } from '../../domain/errors.js';

describe('CreatePipelineHandler', () => {
  it('stores the pipeline with its checked definition as version 1', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);

    const { pipeline, version: first } = await ports.creating.execute({
      projectId: PROJECT,
      name: ' cleaning ',
      definition: aDefinition(version.id),
      actorId: ACTOR,
    });

    expect(pipeline.snapshot).toMatchObject({ name: 'cleaning', latestVersion: 1, projectId: PROJECT });
    expect(first.number).toBe(1);
    expect(first.definition.steps.map((step) => step.kind)).toEqual(['extract', 'transform', 'validate', 'load']);
    expect(ports.pipelines.versions).toEqual([first]);
  });

  it('refuses a malformed definition (400) before looking at the project', async () => {
    const ports = fakePipelinePorts();
    const refused = ports.creating.execute({
      projectId: PROJECT,
      name: 'p',
      definition: { steps: [] },
      actorId: ACTOR,
    });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    expect(ports.pipelines.pipelines.size).toBe(0);
  });

  it('refuses (422) what does not fit the project: another project’s version, unknown datasets, columns and unsafe expressions', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const elsewhere = await aPipelineWorld(ports, OTHER_PROJECT);
    const definition = aDefinition(version.id);
    const steps = [
      { ...definition.steps[0] },
      { name: 'other', kind: 'extract', source: { kind: 'dataset-version', versionId: elsewhere.id } },
      {
        name: 'shaped',
        kind: 'transform',
        input: 'raw',
        operations: [
          { op: 'select', columns: ['id', 'nope'] },
          { op: 'filter', expression: 'id IN (SELECT 1)' },
        ],
      },
      {
        name: 'file',
        kind: 'extract',
        source: { kind: 'object', objectKey: 'data-pipeline/other/x.csv', format: 'csv' },
      },
      {
        ...definition.steps[2],
        input: 'shaped',
        quarantine: { dataset: 'nowhere' },
        suite: {
          checks: [
            {
              name: 'known',
              kind: 'relationships',
              columns: ['id'],
              reference: elsewhere.id,
              referenceColumns: ['id'],
            },
          ],
        },
      },
      { ...definition.steps[3], dataset: 'missing' },
    ];

    const refused = ports.creating.execute({ projectId: PROJECT, name: 'p', definition: { steps }, actorId: ACTOR });

    await expect(refused).rejects.toBeInstanceOf(PipelineDefinitionUnfit);
    await expect(refused).rejects.toMatchObject({
      errors: [
        { field: 'steps[1].source.versionId', message: 'is not a dataset version of this project' },
        expect.objectContaining({ field: 'steps[3].source.objectKey' }),
        {
          field: 'steps[4].suite.checks[0].reference',
          message: 'must be the id of a dataset version of this project',
        },
        { field: 'steps[4].quarantine.dataset', message: 'is not the name of a dataset of this project' },
        { field: 'steps[5].dataset', message: 'is not the name of a dataset of this project' },
        expect.objectContaining({ field: 'steps[2].operations[1].expression' }),
        expect.objectContaining({ field: 'steps[2].operations[0].columns' }),
      ],
    });
  });

  it('refuses (422) a URL extract the outbound policy refuses as written, and accepts a public one', async () => {
    const ports = fakePipelinePorts();
    await aPipelineWorld(ports);
    const definition = (url: string) => ({
      steps: [
        { name: 'web', kind: 'extract', source: { kind: 'url', url, format: 'csv' } },
        { name: 'store', kind: 'load', input: 'web', dataset: 'clean' },
      ],
    });
    const create = (url: string) =>
      ports.creating.execute({
        projectId: PROJECT,
        name: `p${url.length}`,
        definition: definition(url),
        actorId: ACTOR,
      });

    await expect(create('http://127.0.0.1/table.csv')).rejects.toMatchObject({
      errors: [{ field: 'steps[0].source.url', message: 'is not a public address' }],
    });
    expect((await create('https://data.example.org/table.csv')).version.definition.steps[0]).toMatchObject({
      source: { kind: 'url', url: 'https://data.example.org/table.csv', format: 'csv' },
    });
  });

  it('refuses (422) a table-source extract naming a source that is not configured', async () => {
    const ports = fakePipelinePorts();
    await aPipelineWorld(ports);
    const create = (source: string) =>
      ports.creating.execute({
        projectId: PROJECT,
        name: `from-${source}`,
        definition: {
          steps: [
            {
              name: 'rows',
              kind: 'extract',
              source: { kind: 'table-source', source, query: 'SELECT * FROM customers' },
            },
            { name: 'store', kind: 'load', input: 'rows', dataset: 'clean' },
          ],
        },
        actorId: ACTOR,
      });

    await expect(create('warehouse')).rejects.toMatchObject({
      errors: [{ field: 'steps[0].source.source', message: 'is not a configured table source' }],
    });
    await expect(create('crm')).resolves.toMatchObject({ version: { number: 1 } });
    expect(ports.tableSources.requests).toEqual([]);
  });

  it('refuses a second pipeline of the same name in the project', async () => {
    const ports = fakePipelinePorts();
    const version = await aPipelineWorld(ports);
    const create = () =>
      ports.creating.execute({ projectId: PROJECT, name: 'p', definition: aDefinition(version.id), actorId: ACTOR });
    await create();
    await expect(create()).rejects.toBeInstanceOf(PipelineNameTaken);
  });
});
