/** From this width a round is a table with a row per pupil instead of one card per pupil. */
export const TABLE_QUERY = '(min-width: 900px)';
