import { open, readFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from '../../ir/types.js';
import type { FormRegistry } from '../../runtime/compiled-form.js';
import type { ValidationIssue } from '../../runtime/validation-types.js';
import { MAX_TOKEN_BYTES, toP256PublicJwk, type Verdict, type VerifyOptions, verify } from '../../submission/index.js';
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

interface CommandOptions {
  readonly form?: string;
  readonly key?: readonly string[];
  readonly maxAge?: number;
  readonly json?: boolean;
  readonly lang: Lang;
}

/** Reading stops here: enough to see that a token is over the limit, not enough to exhaust memory. */
const READ_CAP = MAX_TOKEN_BYTES + 4096;

async function readTokenBytes(file: string, maxBytes: number): Promise<Uint8Array> {
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

function parseMaxAge(value: string): number {
  if (!/^[0-9]{1,9}$/.test(value) || Number(value) === 0) {
    throw new InvalidArgumentError('must be a positive whole number of seconds');
  }
  return Number(value);
}

/** A key file holds one JWK or a JWK Set (`{ "keys": [...] }`). */
function keysOf(text: string, file: string): JsonWebKey[] {
  const value: unknown = JSON.parse(text);
  const list: unknown[] =
    value !== null && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : [value];
  return list.map((jwk, i) => ({ ...toP256PublicJwk(jwk, list.length === 1 ? file : `${file}#/keys/${i}`) }));
}

function issueLine(issue: ValidationIssue, lang: Lang, mark: string): string {
  return `  ${mark} ${issue.path || '/'}  ${issue.message[lang]}  [${issue.code}]`;
}

/** The verdict as text: ids, times and codes only, never the applicant's data. */
function describe(verdict: Verdict, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  if (!verdict.ok) {
    const where = verdict.pointer === undefined ? '' : `  [${verdict.pointer}]`;
    const lines = [`✗ ${verdict.code}  ${verdict.message[lang]}${where}`];
    for (const issue of verdict.issues ?? []) lines.push(issueLine(issue, lang, '✗'));
    return lines;
  }
  const { payload } = verdict;
  const signedAt = new Date(payload.iat * 1000).toISOString();
  const key =
    verdict.authenticity === 'trusted-key'
      ? zh
        ? '受信任密钥'
        : 'trusted key'
      : zh
        ? '嵌入密钥（仅证明内容未被篡改，不证明申请人身份）'
        : 'embedded key (proves integrity, not identity)';
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
    `  ${zh ? '密钥' : 'key'}: ${verdict.keyThumbprint} — ${key}`,
  ];
  for (const warning of verdict.warnings) lines.push(issueLine(warning, lang, '!'));
  return lines;
}

/**
 * `yibiao verify <token-file|-> [--form <id>] [--key <jwk-file>...] [--max-age <seconds>] [--json] [--lang zh-CN|en]`:
 * verifies a signed submission and re-validates its data with the compiled form.
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
  program
    .command('verify')
    .description('verify a signed submission (JWS) and re-validate its data')
    .argument('<token>', 'token file, or - for standard input')
    .option('--form <id>', 'accept only submissions of this form')
    .option('--key <jwk-file...>', 'trusted public keys (JWK or JWK Set files); without it, the embedded key is used')
    .option('--max-age <seconds>', 'largest accepted age in seconds (default 86400)', parseMaxAge)
    .option('--json', 'print the verdict as JSON (includes the payload when accepted)')
    .addOption(new Option('--lang <lang>', 'message language').choices(['zh-CN', 'en']).default('zh-CN'))
    .action(async (file: string, options: CommandOptions) => {
      const lang: Lang = options.lang === 'en' ? 'en' : 'zh-CN';
      const fail = (message: string): void => {
        io.printError(message);
        io.setExitCode(EXIT.usage);
      };

      let trustedKeys: JsonWebKey[] | undefined;
      if (options.key !== undefined) {
        trustedKeys = [];
        for (const keyFile of options.key) {
          try {
            trustedKeys.push(...keysOf(await io.readText(keyFile), keyFile));
          } catch (error) {
            return fail(`cannot read key ${keyFile}: ${(error as Error).message}`);
          }
        }
      }

      let token: string;
      try {
        // Non-fatal decoding: bytes that are not UTF-8 become U+FFFD, which the verifier refuses as E_MALFORMED.
        token = new TextDecoder().decode(await io.readToken(file, READ_CAP)).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
      } catch (error) {
        return fail(`cannot read ${file}: ${(error as Error).message}`);
      }

      let forms: FormRegistry;
      try {
        const registry = await deps.loadRegistry();
        forms = registry;
        if (options.form !== undefined) {
          const only = options.form;
          if ((await registry.get(only)) === undefined) return fail(`unknown form "${only}" (run \`npm run build\` first)`);
          forms = { get: (id) => (id === only ? registry.get(id) : undefined) };
        }
      } catch (error) {
        return fail(`cannot load the compiled forms: ${(error as Error).message}`);
      }

      const verifyOptions: VerifyOptions = {
        forms,
        ...(trustedKeys === undefined ? {} : { trustedKeys }),
        ...(options.maxAge === undefined ? {} : { maxAgeSeconds: options.maxAge }),
        ...(deps.now === undefined ? {} : { now: deps.now() }),
      };
      let verdict: Verdict;
      try {
        verdict = await verify(token, verifyOptions);
      } catch (error) {
        return fail(`cannot verify: ${(error as Error).message}`);
      }
      if (options.json) io.print(JSON.stringify(verdict, null, 2));
      else for (const line of describe(verdict, lang)) io.print(line);
      io.setExitCode(verdict.ok ? EXIT.ok : EXIT.invalid);
    });
}
