import { describe, expect, it } from 'vitest';
import { borderLooksWhite, type Pixels, photoBackgroundWarning } from '../../src/runtime/files/photo-background.js';

type Rgb = readonly [number, number, number];

/** A picture of `background` with a `person` colour over the lower middle (and, with `shoulders`, the lower corners). */
function picture(background: Rgb, person: Rgb, options: { shoulders?: boolean } = {}): Pixels {
  const width = 60;
  const height = 80;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inPerson = (x >= 15 && x < 45 && y >= 20) || (options.shoulders === true && y >= 50);
      data.set([...(inPerson ? person : background), 255], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

const SKIN: Rgb = [190, 140, 120];

describe('borderLooksWhite (DOMAIN.md §9 heuristic)', () => {
  it('white, and off-white from a camera, look white; shoulders in the lower corners do not count', () => {
    expect(borderLooksWhite(picture([255, 255, 255], SKIN))).toBe(true);
    expect(borderLooksWhite(picture([236, 238, 242], SKIN))).toBe(true);
    expect(borderLooksWhite(picture([250, 250, 250], [20, 20, 60], { shoulders: true }))).toBe(true);
  });

  it('the blue and red 证件照 backgrounds, and grey, do not', () => {
    expect(borderLooksWhite(picture([67, 142, 219], SKIN))).toBe(false);
    expect(borderLooksWhite(picture([200, 0, 0], SKIN))).toBe(false);
    expect(borderLooksWhite(picture([150, 150, 150], SKIN))).toBe(false);
  });

  it('says nothing where the browser cannot decode here (Node has no OffscreenCanvas)', async () => {
    expect(await photoBackgroundWarning(new Uint8Array([0xff, 0xd8, 0xff]))).toBeUndefined();
  });
});
