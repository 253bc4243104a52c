import type { HistoryQuery } from '../../domain/alerts/alert.repository.js';

/** Transitions of a project's alerts (or, for null, of platform-wide ones), oldest first. */
export type ListAlertHistoryQuery = HistoryQuery;
