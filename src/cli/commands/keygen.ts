import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { generateEs256Jwk, jwkThumbprint, type PublicJwk } from '../../submission/index.js';
import { generateSm2Jwk } from '../../submission/sm2-signer.js';
import { EXIT, print, printError } from '../io.js';

/** Where the command writes; replaceable in tests. */
export interface KeygenCommandIo {
  /** Creates a new file (never overwrites one) with the given permissions. */
  writeNewFile(file: string, text: string, mode: number): Promise<void>;
  print(text: string): void;
  printError(text: string): void;
  setExitCode(code: number): void;
}

const defaultIo: KeygenCommandIo = {
  writeNewFile: (file, text, mode) => writeFile(file, text, { flag: 'wx', mode }),
  print,
  printError,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** A public JWK as `yibiao keygen` writes it: the key, its thumbprint as `kid`, and `alg`. */
export type KeygenJwk = PublicJwk & { readonly kid: string; readonly alg: 'ES256' | 'SM3withSM2' };

/** A key pair as `yibiao keygen` writes it when there is no `--out`. */
export interface JwkPair {
  readonly privateKey: KeygenJwk & { readonly d: string };
  readonly publicKey: KeygenJwk;
}

/**
 * The public key file beside a private key file: `clerk.jwk` → `clerk.pub.jwk`,
 * `clerk.json` → `clerk.pub.json`, `clerk` → `clerk.pub.jwk`.
 *
 * @param file - the private key file.
 * @returns the public key file.
 */
export function publicKeyFile(file: string): string {
  const match = /^(.*)(\.jwk|\.json)$/i.exec(file);
  return match === null ? `${file}.pub.jwk` : `${match[1]}.pub${match[2]}`;
}

/**
 * Makes a signing key pair as JWKs: ES256 (P-256, through WebCrypto) or SM2.
 * Both get `kid` (their RFC 7638 thumbprint) and `alg`.
 *
 * @param alg - `ES256` or `SM2`.
 * @returns the private JWK (with `d`) and the public JWK.
 */
export async function makeKeyPair(alg: 'ES256' | 'SM2'): Promise<JwkPair> {
  const { privateJwk, publicJwk } = alg === 'SM2' ? await generateSm2Jwk() : await generateEs256Jwk();
  const kid = await jwkThumbprint(publicJwk);
  const jwsAlg = alg === 'SM2' ? 'SM3withSM2' : 'ES256';
  return { privateKey: { ...privateJwk, kid, alg: jwsAlg }, publicKey: { ...publicJwk, kid, alg: jwsAlg } };
}

/**
 * `yibiao keygen [--alg ES256|SM2] [--out <file>]`: makes a signing key pair
 * for server-side signing (`yibiao sign`) and trust lists (`yibiao verify --key`).
 * With `--out`, the private JWK goes to `<file>` (mode 0600) and the public
 * JWK beside it (`publicKeyFile`); existing files are never overwritten.
 * Without it, `{ "privateKey": …, "publicKey": … }` is printed.
 * Exit 0, or 2 when a file cannot be written.
 *
 * @param program - the `yibiao` command.
 * @param deps - io for tests.
 */
export function registerKeygen(program: Command, deps: { readonly io?: Partial<KeygenCommandIo> } = {}): void {
  const io: KeygenCommandIo = { ...defaultIo, ...deps.io };
  program
    .command('keygen')
    .description('make a signing key pair (JWK): ES256 or SM2')
    .addOption(new Option('--alg <alg>', 'algorithm').choices(['ES256', 'SM2', 'SM3withSM2']).default('ES256'))
    .option('--out <file>', 'write the private JWK here (0600) and the public JWK beside it (.pub.jwk)')
    .action(async (options: { alg: string; out?: string }) => {
      const pair = await makeKeyPair(options.alg === 'ES256' ? 'ES256' : 'SM2');
      if (options.out === undefined) {
        io.print(JSON.stringify(pair, null, 2));
        io.setExitCode(EXIT.ok);
        return;
      }
      const publicFile = publicKeyFile(options.out);
      try {
        await io.writeNewFile(options.out, `${JSON.stringify(pair.privateKey, null, 2)}\n`, 0o600);
        await io.writeNewFile(publicFile, `${JSON.stringify(pair.publicKey, null, 2)}\n`, 0o644);
      } catch (error) {
        io.printError(`cannot write the key: ${(error as Error).message}`);
        io.setExitCode(EXIT.usage);
        return;
      }
      io.print(`private key: ${options.out}`);
      io.print(`public key:  ${publicFile}`);
      io.print(`kid:         ${pair.publicKey.kid}`);
      io.setExitCode(EXIT.ok);
    });
}
