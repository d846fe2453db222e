/**
 * Active content in a PDF (SECURITY.md §2 "Files"): the names that run
 * something when the file is opened or touched. Names may hide behind `#xx`
 * escapes (`/J#61vaScript`) and inside compressed object streams, so both are
 * undone before looking.
 */

/** The names refused, each followed by a PDF delimiter or white space. */
const ACTIVE = /\/(JavaScript|OpenAction|AA|Launch)(?=[\s/<>[\]()%{}]|$)/;
/** Most bytes inflated from one file's streams before giving up looking further. */
const MAX_INFLATED = 32 * 1024 * 1024;

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** Undoes `#xx` escapes in names (PDF 1.2+), so `/J#61vaScript` reads `/JavaScript`. */
function unescapeNames(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%{}]*#[0-9A-Fa-f]{2}[^\s/<>[\]()%{}]*/g, (name) =>
    name.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

async function inflate(data: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    // Not zlib data, or truncated: nothing more to read there.
    return undefined;
  }
}

/**
 * The first active-content name found in a PDF, in its plain text or in its
 * Flate-compressed streams (object streams hold dictionaries too).
 *
 * @param bytes - a PDF.
 * @returns the name (`JavaScript`, `OpenAction`, `AA`, `Launch`), or `undefined`.
 */
export async function findActivePdfContent(bytes: Uint8Array): Promise<string | undefined> {
  const text = latin1(bytes);
  const plain = ACTIVE.exec(unescapeNames(text));
  if (plain) return plain[1];
  let inflated = 0;
  const streams = /\/FlateDecode[\s\S]{0,400}?stream\r?\n/g;
  for (let m = streams.exec(text); m !== null; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    let end = text.indexOf('endstream', start);
    if (end < 0) break;
    // The end-of-line before `endstream` is not data; zlib refuses trailing bytes.
    while (end > start && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end -= 1;
    const out = await inflate(bytes.subarray(start, end));
    if (out === undefined) continue;
    inflated += out.length;
    const found = ACTIVE.exec(unescapeNames(latin1(out)));
    if (found) return found[1];
    if (inflated > MAX_INFLATED) break;
  }
  return undefined;
}
