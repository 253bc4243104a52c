import { parquetRows } from './parquet-rows.js';
import { LINEAR_BIAS, LINEAR_WEIGHTS } from './linear-model.js';

/** The input dataset of the batch-prediction tests: an id and three features the linear model reads. */
export const FEATURES_SCHEMA = {
  columns: [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'a', type: 'float', nullable: false },
    { name: 'b', type: 'float', nullable: false },
    { name: 'c', type: 'float', nullable: false },
  ],
  primaryKey: ['id'],
};

/** The output: the input's columns and the model's output `y` of two values per row. */
export const SCORED_SCHEMA = {
  columns: [
    ...FEATURES_SCHEMA.columns,
    { name: 'y_0', type: 'float', nullable: false },
    { name: 'y_1', type: 'float', nullable: false },
  ],
  primaryKey: ['id'],
};

/** Row `id`'s features: small values a float32 holds exactly. */
export function featuresOf(id: number): [number, number, number] {
  return [id % 7, (id % 5) / 2, (id % 3) - 1];
}

/** `rows` rows as CSV, ids 0 .. rows-1 in order. */
export function featureRows(rows: number): string {
  const lines = ['id,a,b,c'];
  for (let id = 0; id < rows; id += 1) lines.push([id, ...featuresOf(id)].join(','));
  return `${lines.join('\n')}\n`;
}

/** y = x·W + b for row `id`, computed here rather than by the model. */
export function expectedScores(id: number): [number, number] {
  const x = featuresOf(id);
  const score = (column: number) =>
    x.reduce((sum, value, row) => sum + value * LINEAR_WEIGHTS[row][column], LINEAR_BIAS[column]);
  return [score(0), score(1)];
}

/** The rows of a batch prediction's output version, read from its content route: Parquet, as the dataset declares. */
export async function outputRowsOf(
  appUrl: string,
  versionId: string,
  accessToken: string,
): Promise<Record<string, number>[]> {
  const content = await fetch(`${appUrl}/api/v1/dataset-versions/${versionId}/content`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const type = content.headers.get('content-type') ?? '';
  if (!type.includes('parquet')) throw new Error(`the output version is ${type}, not Parquet`);
  return (await parquetRows(new Uint8Array(await content.arrayBuffer()))) as Record<string, number>[];
}
