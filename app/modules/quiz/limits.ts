/** Bounds for accommodations; shared by the form schema and the server. */
export const MAX_EXTRA_MINUTES = 240;
export const MAX_EXTRA_ATTEMPTS = 10;
export const MAX_REASON_LENGTH = 500;
