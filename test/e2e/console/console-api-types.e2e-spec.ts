import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_AUTH_ENV } from '../../support/test-admin.js';

const run = promisify(execFile);
const fromRoot = (path: string) => new URL(`../../../${path}`, import.meta.url).pathname;
const COMMITTED = fromRoot('console/src/api/openapi.ts');

/**
 * The two steps of `npm run console:api`, run as they are: the built app writes its OpenAPI document
 * (the build, not this test's SWC transform, whose decorator metadata describes some parameters
 * differently), then the generator turns it into the console's types.
 */
describe("the console's generated API client", () => {
  let directory: string;
  let document: { paths: Record<string, Record<string, { summary?: string }>> };

  async function generatedFrom(source: object): Promise<string> {
    const documentFile = join(directory, 'changed.json');
    const output = join(directory, 'openapi.ts');
    await writeFile(documentFile, JSON.stringify(source));
    await run(process.execPath, [fromRoot('scripts/console-api-types.mjs'), documentFile, output]);
    return readFile(output, 'utf8');
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'console-api-'));
    const documentFile = join(directory, 'openapi.json');
    await run(process.execPath, [fromRoot('dist/src/cli/write-openapi.js'), documentFile], {
      env: { ...process.env, ...TEST_AUTH_ENV, LOG_LEVEL: 'silent' },
    });
    document = JSON.parse(await readFile(documentFile, 'utf8'));
  }, 120_000);
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('is what the generator writes from the document the app writes (run `npm run console:api` if not)', async () => {
    expect(await generatedFrom(document)).toBe(await readFile(COMMITTED, 'utf8'));
  });

  it('differs from the committed client once an operation changes', async () => {
    const changed = structuredClone(document);
    changed.paths['/api/v1/projects'].get.summary = 'A changed summary';
    expect(await generatedFrom(changed)).not.toBe(await readFile(COMMITTED, 'utf8'));
  });
});
