/**
 * The white-background heuristic of the card photo (DOMAIN.md §9, a warning
 * only): the border strips of the picture — the top rows and, down to half
 * its height (above the shoulders), the outer columns — should be light and
 * without colour. A blue or red 证件照 background, the usual mistake, has a
 * strong colour; a grey one is too dark.
 */
import type { FileProblem } from './inspect-file.js';

/** RGBA pixels, as `ImageData` holds them. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** Width of the border strips, in pixels. */
export const BORDER_PX = 8;
/** Lowest mean lightness ((max + min) / 2 of R, G, B, 0–255) of a white background. */
export const MIN_LIGHTNESS = 200;
/** Highest mean chroma (max − min of R, G, B, 0–255) of a white background. */
export const MAX_CHROMA = 32;

/** The warning's stable code. */
export const W_PHOTO_BACKGROUND = 'W_PHOTO_BACKGROUND';

/**
 * Whether the border strips of a picture look white: mean lightness at least
 * {@link MIN_LIGHTNESS} and mean chroma at most {@link MAX_CHROMA}.
 *
 * @param pixels - the decoded picture.
 */
export function borderLooksWhite(pixels: Pixels): boolean {
  const { width, height, data } = pixels;
  const strip = Math.min(BORDER_PX, Math.floor(width / 4), Math.floor(height / 4));
  if (strip < 1) return true;
  let lightness = 0;
  let chroma = 0;
  let n = 0;
  const add = (x: number, y: number): void => {
    const i = (y * width + x) * 4;
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    lightness += (max + min) / 2;
    chroma += max - min;
    n += 1;
  };
  for (let y = 0; y < strip; y += 1) for (let x = 0; x < width; x += 1) add(x, y);
  const sides = Math.floor(height / 2);
  for (let y = strip; y < sides; y += 1) {
    for (let x = 0; x < strip; x += 1) {
      add(x, y);
      add(width - 1 - x, y);
    }
  }
  return lightness / n >= MIN_LIGHTNESS && chroma / n <= MAX_CHROMA;
}

/**
 * Decodes a photo (the browser's decoder, `createImageBitmap` and an
 * `OffscreenCanvas`) and warns when its background does not look white.
 * Nothing is said where the browser cannot decode it here (Node, no
 * `OffscreenCanvas`): the check is a help, never a gate.
 *
 * @param bytes - the JPEG, as it will be sent.
 * @returns the warning, or none.
 */
export async function photoBackgroundWarning(bytes: Uint8Array): Promise<FileProblem | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return undefined;
  try {
    const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (context === null) return undefined;
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    return borderLooksWhite(pixels) ? undefined : { code: W_PHOTO_BACKGROUND, params: {} };
  } catch {
    return undefined;
  }
}
