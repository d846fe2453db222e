import { lazyPart } from './lazy-part.js';

/** The file-handling part of the widget, imported on the first file picked (or a draft with files). */
export type FilesPart = typeof import('./files-part.js');

/** Loads the file-handling part: a chunk of its own, fetched once. */
export const loadFiles: () => Promise<FilesPart> = lazyPart(() => import('./files-part.js'));
