import type { ModelSearch } from '../../domain/model/registered-model.repository.js';

/** The search as the repository runs it: name prefix, tag, alias, version status, creation time, a page. */
export type ListModelsQuery = ModelSearch;
