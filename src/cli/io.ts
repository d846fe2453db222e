import { readFile } from 'node:fs/promises';

/** Exit codes of every yibiao command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** Reads a file, or standard input for `-`. */
export async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Prints to stdout (kept in one place so commands stay testable). */
export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Prints to stderr. */
export function printError(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
