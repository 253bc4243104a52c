/**
 * The largest value of a PostgreSQL `integer` column (versions, attempts): a larger number in a
 * request names nothing stored, and PostgreSQL would refuse it with an error, not an empty answer.
 */
export const MAX_INTEGER_COLUMN = 2_147_483_647;
