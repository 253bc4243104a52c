import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
};

describe('the Node runtime of npm scripts', () => {
  // npm puts node_modules/.bin first on a script's PATH, so the pinned `node` package wins over
  // whatever Node the machine has (ADR 0001): tests, benches and `npm run local` all run on it.
  it('is the release the project pins, not the machine’s own', () => {
    expect(process.version).toBe(`v${manifest.devDependencies.node}`);
  });

  it('is a Node 24 LTS release', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
