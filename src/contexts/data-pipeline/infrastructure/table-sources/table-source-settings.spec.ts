import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@libs/platform';
import { readTableSourceSettings } from './table-source-settings.js';

const SECRET_URL = 'postgres://reader:s3cret@db.internal:5432/sales';

describe('readTableSourceSettings', () => {
  it('reads each named source from its own variable, with the statement timeout', () => {
    expect(
      readTableSourceSettings({
        DATA_TABLE_SOURCES: 'warehouse-eu, crm',
        DATA_TABLE_SOURCE_WAREHOUSE_EU_URL: SECRET_URL,
        DATA_TABLE_SOURCE_CRM_URL: 'postgresql://crm/db',
        DATA_TABLE_SOURCE_STATEMENT_TIMEOUT_MS: '5000',
      }),
    ).toEqual({
      sources: [
        { name: 'crm', url: 'postgresql://crm/db' },
        { name: 'warehouse-eu', url: SECRET_URL },
      ],
      statementTimeoutMs: 5000,
    });
    expect(readTableSourceSettings({})).toEqual({ sources: [], statementTimeoutMs: 30_000 });
  });

  it('refuses a named source without a URL, naming the variable', () => {
    expect(() => readTableSourceSettings({ DATA_TABLE_SOURCES: 'crm' })).toThrow(/DATA_TABLE_SOURCE_CRM_URL/);
  });

  it('refuses a URL of another engine without echoing it', () => {
    const refusal = () =>
      readTableSourceSettings({ DATA_TABLE_SOURCES: 'crm', DATA_TABLE_SOURCE_CRM_URL: 'mysql://u:s3cret@h/db' });
    expect(refusal).toThrow(ConfigError);
    expect(refusal).not.toThrow(/s3cret/);
  });

  it('refuses names that are not lower-case words, and two names for one variable', () => {
    expect(() => readTableSourceSettings({ DATA_TABLE_SOURCES: 'Sales' })).toThrow(/DATA_TABLE_SOURCES/);
    expect(() =>
      readTableSourceSettings({ DATA_TABLE_SOURCES: 'a-b,a_b', DATA_TABLE_SOURCE_A_B_URL: SECRET_URL }),
    ).toThrow(/twice/);
  });
});
