// Limits the browser needs too (a search box's maxlength).
export const QUERY_MAX = 200;
