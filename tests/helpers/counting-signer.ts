/**
 * A signer for widget tests that counts its signatures, takes a little time
 * (so that a second click lands while it signs) and can be made to fail.
 * Web APIs only: browser tests use it.
 */
import type { Signer } from '../../src/submission/signer.js';

/** A {@link Signer} and how many times it was asked to sign. */
export interface CountingSigner {
  readonly signer: Signer;
  readonly count: () => number;
}

/**
 * Wraps a signer: each `sign` counts, waits `delayMs`, then throws when
 * `fail()` says so or signs with `inner`.
 *
 * @param inner - the signer that signs.
 * @param options - the wait before signing, and when to fail (default: never).
 */
export function countingSigner(inner: Promise<Signer>, options: { readonly delayMs: number; readonly fail?: () => boolean }): CountingSigner {
  let n = 0;
  return {
    count: () => n,
    signer: {
      alg: 'ES256',
      async sign(input) {
        n += 1;
        await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (options.fail?.() === true) throw new Error('the smart card was removed');
        return (await inner).sign(input);
      },
      async publicJwk() {
        return (await inner).publicJwk();
      },
    },
  };
}
