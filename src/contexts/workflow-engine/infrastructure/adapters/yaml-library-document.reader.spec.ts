import { describe, expect, it } from '@jest/globals';
import { DefinitionUnreadable } from '../../domain/errors.js';
import { YamlLibraryDocumentReader } from './yaml-library-document.reader.js';

const reader = new YamlLibraryDocumentReader();

describe('YamlLibraryDocumentReader', () => {
  it('reads a definition into plain JSON values', () => {
    const text = [
      'name: training',
      'tasks:',
      '  - id: train',
      '    type: sleep',
      '    params: { ms: 5, on: 2026-01-01 }',
    ].join('\n');
    expect(reader.read(text)).toEqual({
      name: 'training',
      tasks: [{ id: 'train', type: 'sleep', params: { ms: 5, on: '2026-01-01' } }],
    });
  });

  it('refuses broken syntax, duplicate keys, alias bombs, infinities and empty documents', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 12 }, (_, i) => `b${i}: &b${i} [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]`),
    ];
    for (const text of ['name: [', 'name: a\nname: b', bomb.join('\n'), 'n: .inf', '']) {
      expect(() => reader.read(text)).toThrow(DefinitionUnreadable);
    }
  });

  it('keeps a __proto__ key as plain data', () => {
    const value = reader.read('__proto__: { polluted: true }') as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
