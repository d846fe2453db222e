import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import type { Lang } from '../../ir/types.js';
import { isRealDate } from '../../rules/dates.js';
import type { CompiledForm, FormRegistry } from '../../runtime/compiled-form.js';
import { validateData } from '../../runtime/validate.js';
import {
  buildPayload,
  type Signer,
  shanghaiDate,
  signerFromPrivateJwk,
  signSubmission,
  verifyErrorMessage,
  YibiaoUsageError,
  YibiaoVerifyError,
} from '../../submission/index.js';
import { createSm2Signer } from '../../submission/sm2-signer.js';
import { EXIT, print, printError, readInput } from '../io.js';

/** Where the command reads and writes; replaceable in tests. */
export interface SignCommandIo {
  /** Reads a data file, or standard input for `-`. */
  readData(file: string): Promise<string>;
  /** Reads a key file. */
  readText(file: string): Promise<string>;
  print(text: string): void;
  printError(text: string): void;
  setExitCode(code: number): void;
}

/** Dependencies of {@link registerSign}. */
export interface SignCommandDeps {
  readonly loadRegistry: () => Promise<FormRegistry>;
  readonly io?: Partial<SignCommandIo>;
  /** The signer's clock; default: now. */
  readonly now?: () => Date;
}

interface CommandOptions {
  readonly key: string;
  readonly lang: Lang;
  readonly date?: string;
}

const defaultIo: SignCommandIo = {
  readData: readInput,
  readText: (file) => readFile(file, 'utf8'),
  print,
  printError,
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/**
 * The signer of a private key file: a private JWK (P-256 → ES256 through
 * WebCrypto `importKey`; SM2 → SM3withSM2), or the `{ privateKey, publicKey }`
 * pair `yibiao keygen` prints.
 *
 * @param text - the key file's content.
 * @returns the signer.
 * @throws {Error} when the file is not a private P-256 or SM2 JWK.
 */
export async function signerFromKeyFile(text: string): Promise<Signer> {
  let value: unknown = JSON.parse(text);
  if (value !== null && typeof value === 'object' && 'privateKey' in value) value = (value as { privateKey: unknown }).privateKey;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JWK');
  const jwk = value as JsonWebKey;
  if (typeof jwk.d !== 'string') throw new Error('not a private key (no "d"); sign needs the private JWK from `yibiao keygen`');
  if (jwk.crv === 'SM2') return createSm2Signer({ privateJwk: jwk });
  if (jwk.crv === 'P-256') return signerFromPrivateJwk(jwk);
  throw new Error('not a P-256 or SM2 key');
}

/**
 * The signing instant for an application date: now when the date is today in
 * Asia/Shanghai, else 12:00 Beijing time on that date, so that the verifier
 * re-validates on the same date (`shanghaiDate(iat)`).
 */
function signingTime(date: string | undefined, now: Date): Date {
  if (date === undefined || date === shanghaiDate(Math.floor(now.getTime() / 1000))) return now;
  return new Date(`${date}T12:00:00+08:00`);
}

/**
 * `yibiao sign <formId> <data.json|-> --key <jwk-file> [--lang zh-CN|en] [--date YYYY-MM-DD]`:
 * validates form data with the form's compiled rules, builds the payload and
 * signs it server-side (ES256 or SM3withSM2, by the key's curve); prints the
 * token. Invalid data is refused with its issues. `--date` is the application
 * date the rules are judged on; a date other than today also dates the
 * signature (12:00 Beijing time that day), so only a verifier whose clock is
 * within the window accepts it — for tests and reproducible examples.
 * Exit 0 signed, 1 invalid data, 2 unreadable input, key or unknown form.
 *
 * @param program - the `yibiao` command.
 * @param deps - the form registry loader; optionally io and clock for tests.
 */
export function registerSign(program: Command, deps: SignCommandDeps): void {
  const io: SignCommandIo = { ...defaultIo, ...deps.io };
  program
    .command('sign')
    .description('validate form data and sign it as a submission (server-side key)')
    .argument('<formId>', 'form id')
    .argument('<data>', 'data file (JSON), or - for standard input')
    .requiredOption('--key <jwk-file>', 'private JWK (P-256 or SM2), e.g. from `yibiao keygen --out`')
    .addOption(new Option('--lang <lang>', 'the applicant language, and message language').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--date <date>', 'application date YYYY-MM-DD (default: today in Asia/Shanghai)')
    .action(async (formId: string, file: string, options: CommandOptions) => {
      const lang: Lang = options.lang === 'en' ? 'en' : 'zh-CN';
      const fail = (message: string): void => {
        io.printError(message);
        io.setExitCode(EXIT.usage);
      };
      if (options.date !== undefined && !isRealDate(options.date)) return fail(`--date must be YYYY-MM-DD, got ${options.date}`);

      let signer: Signer;
      try {
        signer = await signerFromKeyFile(await io.readText(options.key));
      } catch (error) {
        return fail(`cannot use key ${options.key}: ${(error as Error).message}`);
      }

      let form: CompiledForm | undefined;
      try {
        form = await (await deps.loadRegistry()).get(formId);
      } catch (error) {
        return fail(`cannot load the compiled forms: ${(error as Error).message}`);
      }
      if (form === undefined) return fail(`unknown form "${formId}" (run \`npm run build\` first)`);

      let data: unknown;
      try {
        data = JSON.parse(await io.readData(file));
      } catch (error) {
        return fail(`cannot read ${file}: ${(error as Error).message}`);
      }

      const now = signingTime(options.date, deps.now?.() ?? new Date());
      const today = shanghaiDate(Math.floor(now.getTime() / 1000));
      const result = validateData(form, data, { today });
      if (!result.valid) {
        for (const e of result.errors) io.printError(`✗ ${e.path || '/'}  ${e.message[lang]}  [${e.code}]`);
        io.printError(lang === 'en' ? `invalid: ${result.errors.length} error(s), not signed` : `未通过：${result.errors.length} 处错误，未签名`);
        io.setExitCode(EXIT.invalid);
        return;
      }
      for (const w of result.warnings) io.printError(`! ${w.path || '/'}  ${w.message[lang]}  [${w.code}]`);

      try {
        const payload = buildPayload({ model: form.model, data, lang, now });
        io.print(await signSubmission(payload, signer));
      } catch (error) {
        if (error instanceof YibiaoVerifyError) {
          const where = error.pointer === undefined ? '' : `  [${error.pointer}]`;
          io.printError(`✗ ${error.code}  ${verifyErrorMessage(error.code)[lang]}${where}`);
          io.setExitCode(EXIT.invalid);
          return;
        }
        if (error instanceof YibiaoUsageError) return fail(`cannot sign: ${error.message}`);
        throw error;
      }
      io.setExitCode(EXIT.ok);
    });
}
