import { lazyPart } from './lazy-part.js';

/** The signing part of the widget, imported on first submit (or prefetched when idle after the first render). */
export type SubmissionPart = typeof import('./submission-part.js');

/**
 * Loads the signing part (payload, signer, JWS, canonical JSON, receipt):
 * a chunk of its own, fetched once.
 */
export const loadSubmission: () => Promise<SubmissionPart> = lazyPart(() => import('./submission-part.js'));
