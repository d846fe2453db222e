import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import type { EditableFile } from '../../../src/designer-api/types.js';
import { type FileVocabularyContext, fileKeyOffers, fileValueOffers } from './file-vocabulary.js';
import { jsonContextAt } from './json-context.js';
import { type Offer, schemaKeyOffers, schemaValueOffers } from './schema-vocabulary.js';

/** What completion reads at the moment it runs (the latest compile, the file being edited). */
export interface CompletionEnvironment extends FileVocabularyContext {
  readonly file: EditableFile;
  /** `$ref` targets in the shared dictionary. */
  readonly commonRefs: readonly string[];
}

/** `#/definitions/<name>` for every definition of the document being edited (when it parses). */
function localRefs(state: EditorState): string[] {
  try {
    const data = JSON.parse(state.doc.toString()) as { definitions?: unknown };
    return typeof data.definitions === 'object' && data.definitions !== null ? Object.keys(data.definitions).map((n) => `#/definitions/${n}`) : [];
  } catch {
    return [];
  }
}

function toCompletion(offer: Offer, asKey: boolean, hasColon: boolean): Completion {
  const completion: Completion = {
    label: offer.label,
    type: offer.type,
    apply: asKey && !hasColon ? `${offer.label}: ` : offer.label,
  };
  if (offer.detail !== undefined) completion.detail = offer.detail;
  if (offer.info !== undefined && offer.info !== '') completion.info = offer.info;
  return completion;
}

/**
 * JSON-Schema-aware completion for the designer's editor: in `form.schema.json`
 * draft-07 keywords and yibiao's (with the shape of their values, from
 * `KEYWORDS[].metaSchema`), the members of a yibiao keyword's value, formats,
 * types and `$ref` targets; in the other files their own vocabulary (ui
 * widgets, field paths and option values from the last compiled model, departments,
 * patch operations).
 *
 * @param environment - read each time completion runs.
 */
export function formCompletionSource(environment: () => CompletionEnvironment): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const where = jsonContextAt(context.state, context.pos);
    if (where === undefined) return null;
    const typed = context.state.sliceDoc(where.from, context.pos);
    if (!context.explicit && typed === '' && where.kind === 'key') return null;
    const env = environment();
    let offers: Offer[];
    if (env.file === 'form.schema.json') {
      offers = where.kind === 'key' ? schemaKeyOffers(where.path) : schemaValueOffers(where.path, where.key ?? '', [...env.commonRefs, ...localRefs(context.state)]);
    } else {
      offers = where.kind === 'key' ? fileKeyOffers(env.file, where.path, env) : fileValueOffers(env.file, where.path, where.key, env);
    }
    if (offers.length === 0) return null;
    return {
      from: where.from,
      to: where.to,
      options: offers.map((offer) => toCompletion(offer, where.kind === 'key', where.hasColon)),
      validFor: /^"?[^"\s{}[\],:]*"?$/,
    };
  };
}
