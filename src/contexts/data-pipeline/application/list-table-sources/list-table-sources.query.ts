/** The configured table sources: names only, the same for every caller. */
export type ListTableSourcesQuery = Record<string, never>;
