import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '@libs/ddd';
import { checkedAliasName, parseModelReference } from './names.js';

describe('model references', () => {
  it('split name@alias at the last @', () => {
    expect(parseModelReference('churn-model@champion')).toEqual({ modelName: 'churn-model', alias: 'champion' });
  });

  it('refuse aliases that would read as version numbers or as latest, and references without an alias', () => {
    for (const alias of ['3', 'latest', 'LATEST', 'has space', ''])
      expect(() => checkedAliasName(alias)).toThrow(ValidationError);
    for (const reference of ['churn', '@champion', 'a@b@c'])
      expect(() => parseModelReference(reference)).toThrow(ValidationError);
  });
});
