import { ConfigError, EnvReader } from '@libs/platform';

type Env = Record<string, string | undefined>;

/** One configured source: the name clients use, and the connection string only the adapter sees. */
export interface TableSourceConnection {
  readonly name: string;
  readonly url: string;
}

export interface TableSourceSettings {
  readonly sources: readonly TableSourceConnection[];
  /** Each statement of a snapshot (the cursor's declaration, each fetch) is cancelled past this. */
  readonly statementTimeoutMs: number;
}

const NAME = /^[a-z][a-z0-9_-]{0,62}$/;
/** The engines a source's URL may name; a warehouse engine adds its scheme here and an adapter. */
const PROTOCOLS = ['postgres:', 'postgresql:'];

/** The variable that holds a source's connection string: `warehouse-eu` reads DATA_TABLE_SOURCE_WAREHOUSE_EU_URL. */
export function urlVariableOf(name: string): string {
  return `DATA_TABLE_SOURCE_${name.toUpperCase().replaceAll('-', '_')}_URL`;
}

/**
 * DATA_TABLE_SOURCES (a comma list of names) and each one's DATA_TABLE_SOURCE_<NAME>_URL, checked
 * at boot. A failure names the variable, never its value: the value holds a password.
 */
export function readTableSourceSettings(env: Env): TableSourceSettings {
  const read = new EnvReader(env);
  const names = read.list('DATA_TABLE_SOURCES', []);
  const variables = new Set<string>();
  const sources = names.map((name) => {
    if (!NAME.test(name))
      throw new ConfigError('DATA_TABLE_SOURCES', `holds "${name}": a name is lower-case letters, digits, _ and -`);
    const variable = urlVariableOf(name);
    if (variables.has(variable)) throw new ConfigError('DATA_TABLE_SOURCES', `names ${variable} twice`);
    variables.add(variable);
    return { name, url: read.url(variable, PROTOCOLS) };
  });
  return {
    sources: [...sources].sort((a, b) => a.name.localeCompare(b.name)),
    statementTimeoutMs: read.integer('DATA_TABLE_SOURCE_STATEMENT_TIMEOUT_MS', 30_000, 1, 24 * 3_600_000),
  };
}
