/**
 * The one module compiled validators import (as `yibiaoRules`): the format
 * definitions and the custom-keyword functions. Keep this list explicit — the
 * generated code refers to these exact names.
 */
export { yibiaoDivision } from './division-keyword.js';
export { formats } from './formats.js';
export {
  yibiaoAgeGate,
  yibiaoBankAccount,
  yibiaoDateOrder,
  yibiaoExclusive,
  yibiaoIdDocument,
  yibiaoNotFuture,
  yibiaoPrerequisite,
} from './keyword-functions.js';
export { patternEngine } from './pattern-engine.js';
