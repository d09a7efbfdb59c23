// Timings the widgets share (internal: not exported from the package).

/**
 * Longest time a change waits before its local draft is written (see Autosave's draftDelayMs): off the input
 * path, yet soon enough that a crash loses at most this much typing. Hiding or closing the page writes it at once.
 */
export const DRAFT_DELAY_MS = 250;
