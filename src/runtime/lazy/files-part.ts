/**
 * The lazily loaded part of the widget that handles files (see `files.ts`):
 * type sniffing, inspection and metadata stripping, and the SHA-256 record
 * of each attachment.
 */
export { describeAttachment } from '../../submission/attachments.js';
export { inspectFile } from '../files/inspect-file.js';
export { sniffType } from '../files/sniff.js';
