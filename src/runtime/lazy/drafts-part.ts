/**
 * The lazily loaded part of the widget that keeps drafts (see `drafts.ts`):
 * the IndexedDB store (`idb`) and the AES-GCM sealing of records.
 */
export { draftAad, openDraft, sealDraft } from '../drafts/draft-crypto.js';
export { DraftStore, DraftsUnavailableError } from '../drafts/draft-store.js';
