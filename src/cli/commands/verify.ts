import { open, readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../../ir/types.js';
import type { FormRegistry } from '../../runtime/compiled-form.js';
import type { ValidationIssue } from '../../runtime/validation-types.js';
import {
  type BindingIssuer,
  isSignatureAlgorithm,
  MAX_TOKEN_BYTES,
  type SignatureAlgorithm,
  SUPPORTED_ALGORITHMS,
  toP256PublicJwk,
  toPublicJwk,
  type Verdict,
  type VerifyOptions,
  verify,
} from '../../submission/index.js';
import { EXIT, print, printError } from '../io.js';

/** Where the command reads and writes; replaceable in tests. */
export interface VerifyCommandIo {
  /** Reads a token: at most `maxBytes` bytes of a file, or of standard input for `-`. */
  readToken(file: string, maxBytes: number): Promise<Uint8Array>;
  /** Reads a whole (small) key file as text. */
  readText(file: string): Promise<string>;
  print(text: string): void;
  printError(text: string): void;
  setExitCode(code: number): void;
}

/** Dependencies of {@link registerVerify}. */
export interface VerifyCommandDeps {
  /** The compiled forms (usually `dist/forms`). */
  readonly loadRegistry: () => Promise<FormRegistry>;
  /** Input and output; default: the file system, stdin, stdout, stderr and `process.exitCode`. */
  readonly io?: Partial<VerifyCommandIo>;
  /** The verifier's clock; default: now. */
  readonly now?: () => Date;
}

/** The flags `verify` and `split` share. */
export interface VerificationFlags {
  readonly form?: string;
  readonly key?: readonly string[];
  /** `--binding-issuer` files: public P-256 JWKs (or JWK Sets) whose `kid` is the issuer id. */
  readonly bindingIssuer?: readonly string[];
  readonly alg?: readonly SignatureAlgorithm[];
  readonly maxAge?: number;
}

interface CommandOptions extends VerificationFlags {
  readonly json?: boolean;
  readonly lang: Lang;
}

/** Reading stops here: enough to see that a token is over the limit, not enough to exhaust memory. */
const READ_CAP = MAX_TOKEN_BYTES + 4096;

/**
 * Reads at most `maxBytes` of a file, or of standard input for `-`.
 *
 * @param file - a path or `-`.
 * @param maxBytes - where reading stops.
 * @returns the bytes read.
 */
export async function readTokenBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const bytes = chunk as Uint8Array;
      chunks.push(bytes);
      size += bytes.length;
      if (size > maxBytes) break;
    }
    return Buffer.concat(chunks).subarray(0, maxBytes);
  }
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(maxBytes);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled, null);
      if (bytesRead === 0 || filled + bytesRead >= maxBytes) return buffer.subarray(0, filled + bytesRead);
      filled += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

const defaultIo: VerifyCommandIo = {
  readToken: readTokenBytes,
  readText: (file) => readFile(file, 'utf8'),
  print,
  printError,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/**
 * Commander parser of a repeatable `--alg`: collects JWS algorithm names,
 * case-sensitively (`ES256`, `SM3withSM2`).
 *
 * @param value - one `--alg` value.
 * @param previous - the values so far.
 * @returns the values with this one.
 */
export function collectAlgorithm(value: string, previous: readonly SignatureAlgorithm[] | undefined): SignatureAlgorithm[] {
  if (!isSignatureAlgorithm(value)) throw new InvalidArgumentError(`must be one of ${SUPPORTED_ALGORITHMS.join(', ')}`);
  const list = [...(previous ?? [])];
  if (!list.includes(value)) list.push(value);
  return list;
}

function parseMaxAge(value: string): number {
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) === 0) {
    throw new InvalidArgumentError('must be a positive whole number of seconds');
  }
  return Number(value);
}

/** A key file holds one public JWK (P-256 or SM2) or a JWK Set (`{ "keys": [...] }`). */
function keysOf(text: string, file: string): JsonWebKey[] {
  const value: unknown = JSON.parse(text);
  const list: unknown[] =
    value !== null && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : [value];
  return list.map((jwk, i) => ({ ...toPublicJwk(jwk, list.length === 1 ? file : `${file}#/keys/${i}`) }));
}

/**
 * Commander parser of a repeatable `--binding-issuer <file>`.
 *
 * @param value - one file.
 * @param previous - the files so far.
 * @returns the files with this one.
 */
export function collectFile(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * A binding-issuer file: one public P-256 JWK or a JWK Set; each key's `kid`
 * is the issuer id (`iss`) its bindings must carry.
 */
function issuersOf(text: string, file: string): BindingIssuer[] {
  const value: unknown = JSON.parse(text);
  const list: unknown[] =
    value !== null && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : [value];
  return list.map((jwk, i) => {
    const where = list.length === 1 ? file : `${file}#/keys/${i}`;
    const iss = (jwk as { kid?: unknown } | null)?.kid;
    if (typeof iss !== 'string' || iss === '') throw new Error(`${where}: the key needs a "kid", the issuer id of its bindings`);
    return { iss, key: { ...toP256PublicJwk(jwk, where) } };
  });
}

/** Dependencies {@link prepareVerification} reads. */
export interface VerificationDeps {
  readonly loadRegistry: () => Promise<FormRegistry>;
  readonly now?: () => Date;
}

/**
 * Reads the token, the trusted keys and the registry for `verify` and `split`.
 *
 * @param file - the token file, or `-`.
 * @param flags - `--form`, `--key`, `--binding-issuer`, `--alg`, `--max-age`.
 * @param io - where files are read.
 * @param deps - the registry loader and the clock.
 * @returns the token and the verify options, or a message for exit status 2.
 */
export async function prepareVerification(
  file: string,
  flags: VerificationFlags,
  io: Pick<VerifyCommandIo, 'readToken' | 'readText'>,
  deps: VerificationDeps,
): Promise<{ readonly token: string; readonly options: VerifyOptions } | { readonly error: string }> {
  let trustedKeys: JsonWebKey[] | undefined;
  if (flags.key !== undefined) {
    trustedKeys = [];
    for (const keyFile of flags.key) {
      try {
        trustedKeys.push(...keysOf(await io.readText(keyFile), keyFile));
      } catch (error) {
        return { error: `cannot read key ${keyFile}: ${(error as Error).message}` };
      }
    }
  }

  let bindingIssuers: BindingIssuer[] | undefined;
  if (flags.bindingIssuer !== undefined) {
    bindingIssuers = [];
    for (const issuerFile of flags.bindingIssuer) {
      try {
        bindingIssuers.push(...issuersOf(await io.readText(issuerFile), issuerFile));
      } catch (error) {
        return { error: `cannot read binding issuer ${issuerFile}: ${(error as Error).message}` };
      }
    }
  }

  let token: string;
  try {
    // Non-fatal decoding: bytes that are not UTF-8 become U+FFFD, which the verifier refuses as E_MALFORMED.
    token = new TextDecoder().decode(await io.readToken(file, READ_CAP)).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  } catch (error) {
    return { error: `cannot read ${file}: ${(error as Error).message}` };
  }

  let forms: FormRegistry;
  try {
    const registry = await deps.loadRegistry();
    forms = registry;
    if (flags.form !== undefined) {
      const only = flags.form;
      if ((await registry.get(only)) === undefined) return { error: `unknown form "${only}" (run \`npm run build\` first)` };
      forms = { get: (id) => (id === only ? registry.get(id) : undefined) };
    }
  } catch (error) {
    return { error: `cannot load the compiled forms: ${(error as Error).message}` };
  }

  const options: VerifyOptions = {
    forms,
    ...(trustedKeys === undefined ? {} : { trustedKeys }),
    ...(bindingIssuers === undefined ? {} : { bindingIssuers }),
    ...(flags.alg === undefined || flags.alg.length === 0 ? {} : { algorithms: flags.alg }),
    ...(flags.maxAge === undefined ? {} : { maxAgeSeconds: flags.maxAge }),
    ...(deps.now === undefined ? {} : { now: deps.now() }),
  };
  return { token, options };
}

/**
 * The lines of a refusal: code, message, pointer, and the validation issues.
 *
 * @param verdict - a failed verdict.
 * @param lang - the message language.
 * @returns the lines to print.
 */
export function failureLines(verdict: Extract<Verdict, { ok: false }>, lang: Lang): string[] {
  const where = verdict.pointer === undefined ? '' : `  [${verdict.pointer}]`;
  const lines = [`✗ ${verdict.code}  ${verdict.message[lang]}${where}`];
  for (const issue of verdict.issues ?? []) lines.push(issueLine(issue, lang, '✗'));
  return lines;
}

function issueLine(issue: ValidationIssue, lang: Lang, mark: string): string {
  return `  ${mark} ${issue.path || '/'}  ${issue.message[lang]}  [${issue.code}]`;
}

/** The verdict as text: ids, times and codes only, never the applicant's data. */
function describe(verdict: Verdict, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  if (!verdict.ok) return failureLines(verdict, lang);
  const { payload } = verdict;
  const signedAt = new Date(payload.iat * 1000).toISOString();
  const key = {
    'trusted-key': zh ? '受信任密钥' : 'trusted key',
    bound: zh ? '已绑定实名登录的密钥（密钥绑定有效）' : 'key bound to a real-name login (valid key binding)',
    'embedded-key': zh ? '嵌入密钥（仅证明内容未被篡改，不证明申请人身份）' : 'embedded key (proves integrity, not identity)',
  }[verdict.authenticity];
  const services = payload.services.length === 0 ? '-' : payload.services.join(', ');
  const files = verdict.attachmentsChecked
    ? `${payload.attachments.length}${zh ? ' 个，已核对' : ', checked'}`
    : `${payload.attachments.length}${zh ? ' 个，未核对' : ', not checked'}`;
  const lines = [
    zh ? '✓ 验证通过' : '✓ verified',
    `  ${zh ? '表单' : 'form'}: ${payload.form.id} ${payload.form.version} (${payload.form.schemaHash})`,
    `  ${zh ? '提交编号' : 'submission'}: ${payload.submissionId}`,
    `  ${zh ? '签署时间' : 'signed at'}: ${signedAt}`,
    `  ${zh ? '事项' : 'services'}: ${services}`,
    `  ${zh ? '附件' : 'attachments'}: ${files}`,
    `  ${zh ? '算法' : 'algorithm'}: ${verdict.header.alg}`,
    `  ${zh ? '密钥' : 'key'}: ${verdict.keyThumbprint} — ${key}`,
  ];
  for (const warning of verdict.warnings) lines.push(issueLine(warning, lang, '!'));
  return lines;
}

/**
 * `yibiao verify <token-file|-> [--form <id>] [--key <jwk-file>...] [--binding-issuer <jwk-file>]... [--alg <alg>]... [--max-age <seconds>] [--json] [--lang zh-CN|en]`:
 * verifies a signed submission and re-validates its data with the compiled form.
 * `--alg` allow-lists algorithms (default `ES256` only; `--alg ES256 --alg
 * SM3withSM2` accepts both). `--binding-issuer` allow-lists issuers of key
 * bindings: a token whose key is not among `--key` must then carry a valid
 * binding (`bound`), else `E_KEY_UNTRUSTED`.
 * Exit 0 accepted, 1 rejected (the code is printed), 2 unreadable input, key
 * file or unknown `--form`.
 *
 * @param program - the `yibiao` command.
 * @param deps - the form registry loader; optionally io and clock for tests.
 * @example
 * registerVerify(program, { loadRegistry: async () => builtFormRegistry(paths.distForms) });
 */
export function registerVerify(program: Command, deps: VerifyCommandDeps): void {
  const io: VerifyCommandIo = { ...defaultIo, ...deps.io };
  const command = program
    .command('verify')
    .description('verify a signed submission (JWS) and re-validate its data')
    .argument('<token>', 'token file, or - for standard input');
  verificationOptions(command)
    .option('--json', 'print the verdict as JSON (includes the payload when accepted)')
    .action(async (file: string, options: CommandOptions) => {
      const lang: Lang = options.lang === 'en' ? 'en' : 'zh-CN';
      const verified = await verifyFromCli(file, options, io, deps);
      if (verified === undefined) return;
      const { verdict } = verified;
      if (options.json) io.print(JSON.stringify(verdict, null, 2));
      else for (const line of describe(verdict, lang)) io.print(line);
      io.setExitCode(verdict.ok ? EXIT.ok : EXIT.invalid);
    });
}

/**
 * Adds the options `verify` and `split` share: `--form`, `--key`,
 * `--binding-issuer`, `--alg`, `--max-age` and `--lang`.
 *
 * @param command - the command to extend.
 * @returns the same command, for chaining.
 */
export function verificationOptions(command: Command): Command {
  return command
    .option('--form <id>', 'accept only submissions of this form')
    .option('--key <jwk-file...>', 'trusted public keys, P-256 or SM2 (JWK or JWK Set files); without it, the embedded key is used')
    .option(
      '--binding-issuer <jwk-file>',
      'allow-listed issuer of key bindings, repeatable: a public P-256 JWK (or JWK Set) whose kid is the issuer id',
      collectFile,
    )
    .option('--alg <alg>', 'accepted algorithm, repeatable: ES256, SM3withSM2 (default: ES256 only)', collectAlgorithm)
    .option('--max-age <seconds>', 'largest accepted age in seconds (default 86400)', parseMaxAge)
    .addOption(new Option('--lang <lang>', 'message language').choices(['zh-CN', 'en']).default('zh-CN'));
}

/**
 * Reads and verifies the token a command names. When the input, a key file
 * or the registry cannot be read, or the verifier throws, prints why and sets
 * exit status 2, and returns `undefined`; otherwise returns the verdict (the
 * caller reports a rejection).
 *
 * @param file - the token file, or `-`.
 * @param flags - the shared verification flags.
 * @param io - where files are read and errors printed.
 * @param deps - the registry loader and the clock.
 */
export async function verifyFromCli(
  file: string,
  flags: VerificationFlags,
  io: Pick<VerifyCommandIo, 'readToken' | 'readText' | 'printError' | 'setExitCode'>,
  deps: VerificationDeps,
): Promise<{ readonly verdict: Verdict; readonly token: string } | undefined> {
  const fail = (message: string): undefined => {
    io.printError(message);
    io.setExitCode(EXIT.usage);
    return undefined;
  };
  const prepared = await prepareVerification(file, flags, io, deps);
  if ('error' in prepared) return fail(prepared.error);
  try {
    return { verdict: await verify(prepared.token, prepared.options), token: prepared.token };
  } catch (error) {
    return fail(`cannot verify: ${(error as Error).message}`);
  }
}
