/** The `nextCursor` of every page answer. */
export const NEXT_CURSOR = {
  type: String,
  nullable: true,
  description: 'Pass as `cursor` for the next page; null on the last',
};
