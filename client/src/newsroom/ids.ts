// The Newsroom view's ids, shared by view.ts and the manifest's tests (package.json names them too).
export const NEWSROOM_VIEW = 'muharrir.newsroom';

export const NEWSROOM_COMMANDS = {
  refresh: 'muharrir.newsroom.refresh',
  groupBySection: 'muharrir.newsroom.groupBySection',
  groupByStatus: 'muharrir.newsroom.groupByStatus',
  onlyErrors: 'muharrir.newsroom.toggleOnlyErrors',
  onlyNotReady: 'muharrir.newsroom.toggleOnlyNotReady',
  filterText: 'muharrir.newsroom.filterText',
  clearFilters: 'muharrir.newsroom.clearFilters',
  checkWorkspace: 'muharrir.newsroom.checkWorkspace',
} as const;

/** Context keys for package.json's `when` clauses. */
export const NEWSROOM_CONTEXT = {
  /** `status` or `section`: which grouping button the title bar shows. */
  groupBy: 'muharrir.newsroom.groupBy',
  /** A filter is on: the Clear Filters button shows. */
  filtered: 'muharrir.newsroom.filtered',
  /** The server has answered: an empty tree then means no article (the welcome text). */
  loaded: 'muharrir.newsroom.loaded',
} as const;
