/**
 * Names of yibiao's custom JSON Schema keywords. Kept apart from the plugin
 * so that code which only needs the names (linter, IR, designer completion)
 * does not pull in ajv's code generator.
 */
export const KEYWORD_NAMES = [
  'yibiaoIdDocument',
  'yibiaoAgeGate',
  'yibiaoDateOrder',
  'yibiaoNotFuture',
  'yibiaoBankAccount',
  'yibiaoExclusive',
  'yibiaoPrerequisite',
  'yibiaoDivision',
] as const;

/** One of yibiao's custom keywords. */
export type KeywordName = (typeof KEYWORD_NAMES)[number];
