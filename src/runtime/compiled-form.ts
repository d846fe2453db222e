import type { FormModel } from '../ir/types.js';
import type { CompiledValidateFunction } from './validation-types.js';

/**
 * Everything the runtime, the verifier and the CLI need to know about one form:
 * the model the generator built and the standalone validator it compiled.
 * A generated module (`widget/dist/<id>.js`) and a compiled form directory
 * (`dist/forms/<id>/validator.js`) both provide exactly this.
 */
export interface CompiledForm {
  readonly model: FormModel;
  /**
   * The standalone validator. In a built widget it is a lazy part: a
   * stand-in that answers `E_RULES_LOADING` until
   * {@link CompiledForm.loadValidate} has loaded it.
   */
  readonly validate: CompiledValidateFunction;
  /**
   * Loads the validator of a widget that splits it off (once; later calls
   * share the first, a failed import is tried again). Absent where `validate`
   * is there from the start (Node, the designer).
   */
  readonly loadValidate?: () => Promise<CompiledValidateFunction>;
  /**
   * Loads the English texts of a widget whose model carries zh-CN only
   * (once; later calls share the first, a failed import is tried again) and
   * puts them into the model. Absent where the model has both languages.
   */
  readonly loadEnglish?: () => Promise<void>;
  /** Whether {@link CompiledForm.loadEnglish} has put the English texts in. */
  readonly englishLoaded?: boolean;
  /**
   * The 省/市/县 tree, present only in forms with an address or region field
   * (the generator imports it into those modules alone). In a built widget
   * it is a lazy part: an empty tree until {@link CompiledForm.loadDivisions} has loaded it.
   */
  readonly divisions?: DivisionTree;
  /**
   * Loads the division tree of a widget that splits it off (once; later calls
   * share the first). Absent where `divisions` is there from the start.
   */
  readonly loadDivisions?: () => Promise<DivisionTree>;
}

/** One administrative division: GB/T 2260 code, name, children (cities of a province, counties of a city). */
export interface Division {
  readonly code: string;
  readonly name: string;
  /** NBS statistical codes (xxxx7x development zones) that are not GB/T 2260 codes. */
  readonly statistical?: boolean;
  readonly children?: readonly Division[];
}

/** The provinces, with their cities and counties. */
export interface DivisionTree {
  readonly source: string;
  readonly provinces: readonly Division[];
}

/** Looks up a compiled form by its id (the verifier's form registry). */
export interface FormRegistry {
  get(formId: string): CompiledForm | undefined | Promise<CompiledForm | undefined>;
}
