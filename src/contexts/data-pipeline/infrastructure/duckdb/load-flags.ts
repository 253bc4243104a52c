import { isRowCheck, type Check } from '../../domain/checks/check.js';
import { compileRowCheck } from './row-check-sql.js';
import { quoteIdentifier } from './sql-text.js';

/** A built-in predicate evaluated while the file is loaded, kept as a boolean column. */
export interface LoadFlag {
  readonly check: Check;
  readonly column: string;
  readonly predicate: string;
}

/**
 * The predicates worth evaluating during the load, in the same pass that parses the file, instead
 * of in a second scan: every built-in one. They are compiled by us from quoted names and literals,
 * so they may run before the session is sealed; custom expressions never do.
 */
export function loadFlagsFor(checks: readonly Check[]): LoadFlag[] {
  return checks.flatMap((check, index): LoadFlag[] => {
    if (!isRowCheck(check) || check.kind === 'custom_sql') return [];
    const { predicate } = compileRowCheck(check, '', (name) => name);
    if (predicate === undefined) return [];
    return [{ check, column: quoteIdentifier(`__loaded_check_${index}`), predicate: `coalesce(${predicate}, FALSE)` }];
  });
}
