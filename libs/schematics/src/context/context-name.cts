import { SchematicsException } from '@angular-devkit/schematics';

/** Every name the generated code and the catalogue entry use, derived from the kebab-case name. */
export interface ContextNames {
  /** `feature-store`: folder, catalogue `name`, `@contexts/feature-store`, stream `events.feature-store`. */
  readonly kebab: string;
  /** `FeatureStore`: `FeatureStoreModule`, `FeatureStoreEvents`, migration class names. */
  readonly pascal: string;
  /** `featureStore`: `featureStoreMigrations`. */
  readonly camel: string;
  /** `feature_store`: the PostgreSQL schema. */
  readonly snake: string;
}

// Lower-case words joined by single hyphens; a word may hold digits but the name starts with a letter.
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

// PostgreSQL truncates identifiers past 63 bytes, and the name doubles as the schema.
const MAX_LENGTH = 63;

/** Names that already mean something where a context's name is used, with what they collide with. */
const RESERVED: ReadonlyMap<string, string> = new Map([
  ['all', 'APP_CONTEXTS=all selects every context'],
  ['dead-letter', 'the stream events.dead-letter holds failed deliveries, not a context’s events'],
  ['app', 'AppModule is the composition root'],
  ['public', 'public is PostgreSQL’s default schema'],
  ['information-schema', 'information_schema is PostgreSQL’s catalogue schema'],
]);

/** Checks the spelling of a context name (not whether it is taken) and derives the other forms. */
export function contextNames(name: unknown): ContextNames {
  if (typeof name !== 'string' || name.length === 0) {
    throw new SchematicsException('Give the context a name, e.g. `npm run generate:context -- feature-store`.');
  }
  if (!KEBAB_CASE.test(name)) {
    throw new SchematicsException(
      `"${name}" is not a kebab-case name: use lower-case words joined by hyphens, starting with a letter (e.g. feature-store).`,
    );
  }
  if (name.length > MAX_LENGTH) {
    throw new SchematicsException(`"${name}" is longer than ${MAX_LENGTH} characters, PostgreSQL's identifier limit.`);
  }
  const reason = RESERVED.get(name);
  if (reason !== undefined) {
    throw new SchematicsException(`"${name}" is reserved: ${reason}.`);
  }
  if (name.startsWith('pg-')) {
    throw new SchematicsException(`"${name}" is reserved: PostgreSQL keeps schema names starting with pg_ for itself.`);
  }
  const words = name.split('-');
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return { kebab: name, pascal, camel: pascal.charAt(0).toLowerCase() + pascal.slice(1), snake: words.join('_') };
}
