import { lazyPart } from './lazy-part.js';

/** The drafts part of the widget, imported after the first render (to restore a draft). */
export type DraftsPart = typeof import('./drafts-part.js');

/** Loads the drafts part: a chunk of its own, fetched once. */
export const loadDrafts: () => Promise<DraftsPart> = lazyPart(() => import('./drafts-part.js'));
