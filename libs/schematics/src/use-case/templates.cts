import type { GeneratedFile } from '../context/skeleton.cjs';
import type { UseCaseNames } from './use-case-name.cjs';

// Interpolated rather than written inline: tsc-alias, run over dist/ by `npm run build`, rewrites
// anything shaped like an import of an alias, the text of these templates included.
const DDD_LIB = '@libs/ddd';

/**
 * A command that changes state (docs/use-cases.md): its type with named fields and its result,
 * a handler that checks the fields and answers the result, and a spec that holds it to both.
 * It needs no port yet, so the context still starts without an adapter to write first.
 */
export function commandFiles(folder: string, names: UseCaseNames): GeneratedFile[] {
  const { kebab, pascal } = names;
  return [
    {
      path: `${folder}/${kebab}.command.ts`,
      content: `/** What ${kebab} needs, by name: callers write \`{ subjectId, actorId }\`, never by position. */
export interface ${pascal}Command {
  /** The ${names.noun} the command acts on. */
  readonly subjectId: string;
  /** Who asks, for the audit trail and the events. */
  readonly actorId: string;
}

/** What ${kebab} answers; the interface layer maps it to a response class. */
export interface ${pascal}Result {
  readonly subjectId: string;
  readonly actorId: string;
}
`,
    },
    {
      path: `${folder}/${kebab}.handler.ts`,
      content: `import { Injectable } from '@nestjs/common';
import { ValidationError } from '${DDD_LIB}';
import type { ${pascal}Command, ${pascal}Result } from './${kebab}.command.js';

/** ${pascal}: its ports (repositories, Transaction, EventPublisher) join the constructor as it grows. */
@Injectable()
export class ${pascal}Handler {
  execute(command: ${pascal}Command): Promise<${pascal}Result> {
    const subjectId = command.subjectId.trim();
    if (subjectId === '') {
      return Promise.reject(
        new ValidationError('${kebab} needs the ${names.noun} it acts on', [
          { field: 'subjectId', message: 'must not be blank' },
        ]),
      );
    }
    return Promise.resolve({ subjectId, actorId: command.actorId });
  }
}
`,
    },
    {
      path: `${folder}/${kebab}.handler.spec.ts`,
      content: `import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '${DDD_LIB}';
import { ${pascal}Handler } from './${kebab}.handler.js';

describe('${pascal}Handler', () => {
  const handler = new ${pascal}Handler();

  it('answers the ${names.noun} it acted on, trimmed, and who asked', async () => {
    await expect(handler.execute({ subjectId: ' subject-1 ', actorId: 'user-1' })).resolves.toEqual({
      subjectId: 'subject-1',
      actorId: 'user-1',
    });
  });

  it('refuses a blank subject id with a validation error naming the field', async () => {
    const refusal = handler.execute({ subjectId: '  ', actorId: 'user-1' });

    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toMatchObject({ errors: [{ field: 'subjectId' }] });
  });
});
`,
    },
  ];
}

/**
 * A query that only reads (docs/use-cases.md): its type and result, the port it reads through
 * under application/ports/, a handler that refuses what the port does not find, and a spec over an
 * in-memory port.
 */
export function queryFiles(folder: string, portPath: string, names: UseCaseNames): GeneratedFile[] {
  const { kebab, pascal } = names;
  return [
    {
      path: `${folder}/${kebab}.query.ts`,
      content: `/** What ${kebab} reads, by name: callers write \`{ id }\`, never by position. */
export interface ${pascal}Query {
  readonly id: string;
}

/** What ${kebab} answers; the interface layer maps it to a response class. */
export interface ${pascal}Result {
  readonly id: string;
}
`,
    },
    {
      path: portPath,
      content: `import type { ${pascal}Query, ${pascal}Result } from '../${kebab}/${kebab}.query.js';

/** Where ${kebab} reads from: an adapter under infrastructure/ implements it, bound in the context's providers. */
export abstract class ${pascal}Reader {
  /** What the query asks for, or undefined when there is nothing under its id. */
  abstract read(query: ${pascal}Query): Promise<${pascal}Result | undefined>;
}
`,
    },
    {
      path: `${folder}/${kebab}.handler.ts`,
      content: `import { Injectable } from '@nestjs/common';
import { NotFoundError } from '${DDD_LIB}';
import { ${pascal}Reader } from '../ports/${kebab}.reader.js';
import type { ${pascal}Query, ${pascal}Result } from './${kebab}.query.js';

/** ${pascal}: reads through its port and turns "nothing there" into not-found. */
@Injectable()
export class ${pascal}Handler {
  constructor(private readonly reader: ${pascal}Reader) {}

  async execute(query: ${pascal}Query): Promise<${pascal}Result> {
    const result = await this.reader.read(query);
    if (result === undefined) throw new NotFoundError('${names.noun}', query.id);
    return result;
  }
}
`,
    },
    {
      path: `${folder}/${kebab}.handler.spec.ts`,
      content: `import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '${DDD_LIB}';
import { ${pascal}Reader } from '../ports/${kebab}.reader.js';
import { ${pascal}Handler } from './${kebab}.handler.js';
import type { ${pascal}Query, ${pascal}Result } from './${kebab}.query.js';

/** The port over a fixed list, as the adapter would read it from storage. */
class InMemory${pascal}Reader extends ${pascal}Reader {
  constructor(private readonly results: readonly ${pascal}Result[]) {
    super();
  }

  read(query: ${pascal}Query): Promise<${pascal}Result | undefined> {
    return Promise.resolve(this.results.find((result) => result.id === query.id));
  }
}

describe('${pascal}Handler', () => {
  const handler = new ${pascal}Handler(new InMemory${pascal}Reader([{ id: 'known' }]));

  it('answers what the port reads for the id', async () => {
    await expect(handler.execute({ id: 'known' })).resolves.toEqual({ id: 'known' });
  });

  it('refuses an id the port does not know with not-found', async () => {
    await expect(handler.execute({ id: 'unknown' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
`,
    },
  ];
}
