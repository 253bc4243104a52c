import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RegistryWorld } from './registry-world.js';

const ALIASES = ['champion', 'challenger'] as const;

interface Move {
  readonly alias: (typeof ALIASES)[number];
  readonly target: number;
  /** What If-Match the client sends: the version it read, one that never was, or none (create). */
  readonly precondition: 'read' | 'stale' | 'none';
}

interface AliasState {
  readonly versionId: string;
  readonly version: number;
}

const move = fc.record({
  alias: fc.constantFrom(...ALIASES),
  target: fc.nat({ max: 2 }),
  precondition: fc.constantFrom('read', 'stale', 'none'),
}) satisfies fc.Arbitrary<Move>;

describe('concurrent alias moves (property)', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await RegistryWorld.onFilesystem();
  });
  afterAll(() => world?.close());

  async function aliasesOf(modelId: string): Promise<Map<string, AliasState>> {
    const listed = await world.editor.client.call('GET', `/api/v1/models/${modelId}/aliases`);
    return new Map((listed.body as ({ alias: string } & AliasState)[]).map((alias) => [alias.alias, alias]));
  }

  it('keeps each alias on exactly one version and answers every losing move with 409 or 412', async () => {
    const model = await world.model('contended');
    const versions: string[] = [];
    for (let index = 0; index < 3; index += 1) versions.push((await world.approvedVersion(model.id)).id);

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(move, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        async (rounds) => {
          for (const round of rounds) {
            const before = await aliasesOf(model.id);
            const sent = round.map((attempt) => {
              const seen = before.get(attempt.alias);
              const ifMatch =
                attempt.precondition === 'none' || (attempt.precondition === 'read' && !seen)
                  ? undefined
                  : `"${attempt.precondition === 'read' ? seen!.version : (seen?.version ?? 0) + 1000}"`;
              const client = ifMatch ? world.editor.client.withHeaders({ 'if-match': ifMatch }) : world.editor.client;
              return client.call('PUT', `/api/v1/models/${model.id}/aliases/${attempt.alias}`, {
                versionId: versions[attempt.target],
              });
            });
            const readers = ALIASES.map((alias) =>
              world.editor.client.call(
                'GET',
                `/api/v1/projects/${world.projectId}/models/resolve?ref=contended@${alias}`,
              ),
            );
            const answers = await Promise.all(sent);
            for (const read of await Promise.all(readers)) {
              // While moves race, an alias resolves to one of the model's versions or does not exist yet.
              if (read.status === 200) expect(versions).toContain(read.body.id);
              else expect(read.status).toBe(404);
            }
            const after = await aliasesOf(model.id);
            for (const alias of ALIASES) {
              const mine = round
                .map((attempt, index) => ({ attempt, answer: answers[index] }))
                .filter(({ attempt }) => attempt.alias === alias);
              for (const { answer } of mine) expect([200, 409, 412]).toContain(answer.status);
              const winners = mine.filter(({ answer }) => answer.status === 200);
              // Every move read the same state, so at most one can win; the winner is what the alias names now.
              expect(winners.length).toBeLessThanOrEqual(1);
              const previous = before.get(alias);
              if (winners.length === 1) {
                expect(after.get(alias)).toMatchObject({
                  versionId: versions[winners[0].attempt.target],
                  version: (previous?.version ?? 0) + 1,
                });
              } else {
                expect(after.get(alias)).toEqual(previous);
              }
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
