import { type ChangeSet, type EditorSelection, type Extension, StateEffect, StateField, type Transaction } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

/** One undoable step: the changes that revert it and the selection before it. */
interface Step {
  readonly changes: ChangeSet;
  readonly selection: EditorSelection;
  readonly time: number;
}

interface History {
  readonly done: readonly Step[];
  readonly undone: readonly Step[];
}

/** Edits closer together than this are one undo step (typing a word is one step). */
const GROUP_MS = 600;
const LIMIT = 200;

const replaceHistory = StateEffect.define<History>();

function isUndoRedo(tr: Transaction): boolean {
  return tr.isUserEvent('undo') || tr.isUserEvent('redo');
}

const historyField = StateField.define<History>({
  create: () => ({ done: [], undone: [] }),
  update(history, tr) {
    for (const effect of tr.effects) if (effect.is(replaceHistory)) return effect.value;
    if (!tr.docChanged || isUndoRedo(tr)) return history;
    const inverse = tr.changes.invert(tr.startState.doc);
    const last = history.done.at(-1);
    const now = Date.now();
    const typing = tr.isUserEvent('input') || tr.isUserEvent('delete');
    const group = last !== undefined && typing && now - last.time < GROUP_MS;
    const step: Step = group ? { changes: inverse.compose(last.changes), selection: last.selection, time: now } : { changes: inverse, selection: tr.startState.selection, time: now };
    const done = group ? [...history.done.slice(0, -1), step] : [...history.done, step];
    return { done: done.slice(-LIMIT), undone: [] };
  },
});

function move(view: EditorView, from: 'done' | 'undone'): boolean {
  const history = view.state.field(historyField);
  const step = history[from].at(-1);
  if (step === undefined) return false;
  const reverse: Step = { changes: step.changes.invert(view.state.doc), selection: view.state.selection, time: 0 };
  const next: History =
    from === 'done'
      ? { done: history.done.slice(0, -1), undone: [...history.undone, reverse] }
      : { done: [...history.done, reverse], undone: history.undone.slice(0, -1) };
  view.dispatch({
    changes: step.changes,
    selection: step.selection,
    effects: replaceHistory.of(next),
    userEvent: from === 'done' ? 'undo' : 'redo',
    scrollIntoView: true,
  });
  return true;
}

/** Undoes the last step. */
export const undo = (view: EditorView): boolean => move(view, 'done');

/** Redoes the last undone step. */
export const redo = (view: EditorView): boolean => move(view, 'undone');

/**
 * A small undo history (the project does not depend on @codemirror/commands):
 * each step keeps the inverse of its changes; typing within 600 ms is one step.
 */
export function history(): Extension {
  return historyField;
}
