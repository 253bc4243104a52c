import { describe, expect, it } from '@jest/globals';
import { FakeTableSources } from '../../../../../test/support/data-pipeline/fake-table-sources.js';
import { ListTableSourcesHandler } from './list-table-sources.handler.js';

describe('ListTableSourcesHandler', () => {
  it('answers the configured names in order', () => {
    const handler = new ListTableSourcesHandler(new FakeTableSources({ warehouse: '', crm: '' }));

    expect(handler.execute({})).toEqual(['crm', 'warehouse']);
  });
});
