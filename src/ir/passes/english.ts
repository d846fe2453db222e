type Obj = Record<string, unknown>;

/** English texts of a form, with the shared dictionary's as fallback. */
export interface EnglishText {
  formTitle(): string | undefined;
  /** English title of the field at a data path (form file first, then the common definition it came from). */
  title(path: string, origin: string | undefined): string | undefined;
  hint(path: string, origin: string | undefined): string | undefined;
  option(path: string, origin: string | undefined, value: string): string | undefined;
}

const obj = (value: unknown): Obj => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Looks up English texts: `forms/<id>/i18n/en.json` (`fields[path]`) first,
 * then `forms/common/i18n/en.json` by the definition the field came from.
 *
 * @param formEn - the form's en.json.
 * @param commonEn - the shared dictionary's en.json, keyed by origin (`person#/definitions/name`).
 */
export function englishFor(formEn: unknown, commonEn: unknown): EnglishText {
  const fields = obj(obj(formEn).fields);
  const common = obj(commonEn);
  const entry = (path: string, origin: string | undefined): [Obj, Obj] => [
    obj(fields[path]),
    origin === undefined ? {} : obj(common[origin]),
  ];
  return {
    formTitle: () => str(obj(formEn).title),
    title(path, origin) {
      const [own, shared] = entry(path, origin);
      return str(own.title) ?? str(shared.title);
    },
    hint(path, origin) {
      const [own, shared] = entry(path, origin);
      return str(own.hint) ?? str(shared.hint);
    },
    option(path, origin, value) {
      const [own, shared] = entry(path, origin);
      return str(obj(own.options)[value]) ?? str(obj(shared.options)[value]);
    },
  };
}
