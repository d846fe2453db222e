/** Progress lines on stderr (the results table goes to stdout). */
const start = Date.now();

export function log(message: string): void {
  const s = ((Date.now() - start) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${s}s] ${message}\n`);
}

/** Seconds since the bench started. */
export function elapsedSeconds(): number {
  return (Date.now() - start) / 1000;
}
