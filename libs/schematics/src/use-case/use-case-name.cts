import { SchematicsException } from '@angular-devkit/schematics';

/** Every name the generated use case uses, derived from its kebab-case verb-noun name. */
export interface UseCaseNames {
  /** `archive-model`: the folder and the file names. */
  readonly kebab: string;
  /** `ArchiveModel`: `ArchiveModelCommand`, `ArchiveModelHandler`, `ArchiveModelReader`. */
  readonly pascal: string;
  /** `model`: the words after the verb, as the error messages name the thing. */
  readonly noun: string;
}

// At least two lower-case words joined by single hyphens: a verb, then what it acts on. Two words
// also keep it clear of the shared folders under application/ (ports, services).
const VERB_NOUN = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

// The generator appends these itself; a name ending in one would read `ArchiveModelHandlerHandler`.
const ROLE_SUFFIXES = ['handler', 'command', 'query', 'reader', 'spec'];

/** Checks the spelling of a use-case name (not whether it is taken) and derives the other forms. */
export function useCaseNames(name: unknown): UseCaseNames {
  if (typeof name !== 'string' || name.length === 0) {
    throw new SchematicsException(
      'Give the use case a name, e.g. `npm run generate:use-case -- model-registry archive-model`.',
    );
  }
  if (!VERB_NOUN.test(name)) {
    throw new SchematicsException(
      `"${name}" is not a kebab-case verb-noun name: use lower-case words joined by hyphens, a verb first (e.g. archive-model, list-archived-models).`,
    );
  }
  const words = name.split('-');
  const suffix = words.at(-1) ?? '';
  if (ROLE_SUFFIXES.includes(suffix)) {
    throw new SchematicsException(
      `"${name}" ends in "${suffix}", which the generator adds itself: name the action only.`,
    );
  }
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return { kebab: name, pascal, noun: words.slice(1).join(' ') };
}
