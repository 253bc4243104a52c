// The `use-case` schematic against in-memory trees: where it lists the handler, and what it
// refuses without writing anything. generated-code.int-spec.ts compiles and lints its output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { HostTree } from '@angular-devkit/schematics';
import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';
import { compileSchematicsIfStale } from './compile-schematics.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WITH_PROVIDERS = 'src/contexts/orders';
const WITHOUT_PROVIDERS = 'src/contexts/billing';

const CONTEXTS: Record<string, string> = {
  '.prettierrc.json': readFileSync(join(REPO, '.prettierrc.json'), 'utf8'),
  [`${WITH_PROVIDERS}/orders.module.ts`]: "import { USE_CASES } from './orders.providers.js';\n",
  [`${WITH_PROVIDERS}/orders.providers.ts`]: [
    "import type { Provider, Type } from '@nestjs/common';",
    "import { PlaceOrderHandler } from './application/place-order/place-order.handler.js';",
    "import { OrderClock } from './infrastructure/order-clock.js';",
    '',
    'export const USE_CASES: Type[] = [',
    '  // Kept first: the others read what it places.',
    '  PlaceOrderHandler,',
    '];',
    '',
    'export const ADAPTERS: Provider[] = [OrderClock];',
    '',
  ].join('\n'),
  [`${WITH_PROVIDERS}/application/place-order/place-order.handler.ts`]: 'export class PlaceOrderHandler {}\n',
  [`${WITHOUT_PROVIDERS}/billing.module.ts`]: [
    "import { Module, type DynamicModule } from '@nestjs/common';",
    "import { InvoiceStore } from './infrastructure/invoice-store.js';",
    '',
    '@Module({})',
    'export class BillingModule {',
    '  static register(): DynamicModule {',
    '    return { module: BillingModule, providers: [InvoiceStore], exports: [] };',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/contexts/legacy/legacy.module.ts': 'const USE_CASES = [];\nexport const LegacyModule = { module: USE_CASES };\n',
  'src/contexts/loose-files/readme.md': 'not a context: it has no module\n',
};

function treeOf(files: Record<string, string>): UnitTestTree {
  const tree = new UnitTestTree(new HostTree());
  for (const [path, content] of Object.entries(files)) tree.create(path, content);
  return tree;
}

function contentsOf(tree: UnitTestTree): Record<string, string> {
  return Object.fromEntries(tree.files.map((file) => [file.slice(1), tree.readContent(file)]));
}

describe('use-case schematic', () => {
  const runner = new SchematicTestRunner('platform', join(REPO, 'libs/schematics/collection.json'));

  beforeAll(() => compileSchematicsIfStale(REPO));

  it('appends the handler to USE_CASES of an existing providers file and leaves the rest alone', async () => {
    const after = await runner.runSchematic('use-case', { context: 'orders', name: 'cancel-order' }, treeOf(CONTEXTS));

    expect(after.readContent(`${WITH_PROVIDERS}/orders.providers.ts`)).toBe(
      [
        "import type { Provider, Type } from '@nestjs/common';",
        "import { PlaceOrderHandler } from './application/place-order/place-order.handler.js';",
        "import { OrderClock } from './infrastructure/order-clock.js';",
        "import { CancelOrderHandler } from './application/cancel-order/cancel-order.handler.js';",
        '',
        'export const USE_CASES: Type[] = [',
        '  // Kept first: the others read what it places.',
        '  PlaceOrderHandler,',
        '  CancelOrderHandler,',
        '];',
        '',
        'export const ADAPTERS: Provider[] = [OrderClock];',
        '',
      ].join('\n'),
    );
    expect(after.readContent(`${WITH_PROVIDERS}/orders.module.ts`)).toBe(
      CONTEXTS[`${WITH_PROVIDERS}/orders.module.ts`],
    );
  });

  it('writes a query with its port under application/ports/', async () => {
    const after = await runner.runSchematic(
      'use-case',
      { context: 'orders', name: 'get-order', query: true },
      treeOf(CONTEXTS),
    );
    const added = Object.keys(contentsOf(after)).filter((path) => !(path in CONTEXTS));

    expect(added.sort()).toEqual(
      [
        `${WITH_PROVIDERS}/application/get-order/get-order.query.ts`,
        `${WITH_PROVIDERS}/application/get-order/get-order.handler.ts`,
        `${WITH_PROVIDERS}/application/get-order/get-order.handler.spec.ts`,
        `${WITH_PROVIDERS}/application/ports/get-order.reader.ts`,
      ].sort(),
    );
    expect(after.readContent(`${WITH_PROVIDERS}/application/get-order/get-order.handler.ts`)).toContain(
      'constructor(private readonly reader: GetOrderReader) {}',
    );
  });

  it('creates the providers file of a context without one and spreads it into the module’s providers', async () => {
    const after = await runner.runSchematic('use-case', { context: 'billing', name: 'send-invoice' }, treeOf(CONTEXTS));

    expect(after.readContent(`${WITHOUT_PROVIDERS}/billing.providers.ts`)).toBe(
      [
        "import type { Type } from '@nestjs/common';",
        "import { SendInvoiceHandler } from './application/send-invoice/send-invoice.handler.js';",
        '',
        "/** The context's use-case handlers, one per folder under application/ (docs/use-cases.md). */",
        'export const USE_CASES: Type[] = [SendInvoiceHandler];',
        '',
      ].join('\n'),
    );
    const module = after.readContent(`${WITHOUT_PROVIDERS}/billing.module.ts`);
    expect(module).toContain("import { USE_CASES } from './billing.providers.js';\n");
    expect(module).toContain('return { module: BillingModule, providers: [...USE_CASES, InvoiceStore], exports: [] };');
  });

  it.each([
    [{ context: 'shipping', name: 'ship-order' }, /Unknown context "shipping": give one of billing, legacy, orders \(/],
    [{ context: 'loose-files', name: 'ship-order' }, /Unknown context "loose-files"/],
    [{ context: '../orders', name: 'ship-order' }, /Unknown context "\.\.\/orders"/],
    [{ context: 'orders', name: 'ShipOrder' }, /"ShipOrder" is not a kebab-case verb-noun name/],
    [{ context: 'orders', name: 'ship' }, /"ship" is not a kebab-case verb-noun name/],
    [{ context: 'orders', name: 'ship--order' }, /not a kebab-case verb-noun name/],
    [{ context: 'orders', name: 'ship-order-handler' }, /ends in "handler", which the generator adds itself/],
    [{ context: 'orders', name: 'place-order' }, /src\/contexts\/orders\/application\/place-order\/ already exists/],
    [{ context: 'legacy', name: 'ship-order' }, /legacy.module.ts declares USE_CASES itself; nothing was written/],
  ])('refuses %j and changes nothing', async (options, reason) => {
    const tree = treeOf(CONTEXTS);

    await expect(runner.runSchematic('use-case', options, tree)).rejects.toThrow(reason);
    expect(contentsOf(tree)).toEqual(CONTEXTS);
  });

  it('refuses a query whose port file already exists', async () => {
    const port = `${WITH_PROVIDERS}/application/ports/get-order.reader.ts`;
    const files = { ...CONTEXTS, [port]: 'export abstract class GetOrderReader {}\n' };
    const tree = treeOf(files);

    await expect(
      runner.runSchematic('use-case', { context: 'orders', name: 'get-order', query: true }, tree),
    ).rejects.toThrow(`${port} already exists`);
    expect(contentsOf(tree)).toEqual(files);
  });
});
