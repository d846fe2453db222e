/**
 * Size for people: `50 KB`, `5 MB` (1 KB = 1024 bytes, as the seeds' «50K» is read).
 * Apart from `inspect-file.ts` because the upload fields show sizes from the
 * first render, while inspecting files is a lazy part of the widget.
 *
 * @param bytes - a size in bytes.
 * @example formatBytes(51_200); // '50 KB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}
