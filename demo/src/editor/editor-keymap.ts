import { EditorSelection } from '@codemirror/state';
import { type Command, type KeyBinding, keymap } from '@codemirror/view';
import { redo, undo } from './history.js';

/** Enter keeps the line's indentation, one level more after `{` or `[`. */
const newlineAndIndent: Command = (view) => {
  view.dispatch(
    view.state.changeByRange((range) => {
      const line = view.state.doc.lineAt(range.from);
      const indent = /^\s*/.exec(line.text)?.[0] ?? '';
      const before = view.state.sliceDoc(line.from, range.from).trimEnd();
      const extra = before.endsWith('{') || before.endsWith('[') ? '  ' : '';
      const insert = `\n${indent}${extra}`;
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
    }),
    { scrollIntoView: true, userEvent: 'input' },
  );
  return true;
};

const selectAll: Command = (view) => {
  view.dispatch({ selection: EditorSelection.single(0, view.state.doc.length), userEvent: 'select' });
  return true;
};

/**
 * The editor's keys. Tab is deliberately not bound: it moves focus out of the
 * editor, so a keyboard user is never trapped in it (WCAG 2.1.2).
 *
 * @param openFind - opens the find bar (Mod-f).
 */
export function editorKeymap(openFind: () => void): ReturnType<typeof keymap.of> {
  const bindings: KeyBinding[] = [
    { key: 'Enter', run: newlineAndIndent },
    { key: 'Mod-z', run: undo, preventDefault: true },
    { key: 'Mod-Shift-z', run: redo, preventDefault: true },
    { key: 'Mod-y', run: redo, preventDefault: true },
    { key: 'Mod-a', run: selectAll, preventDefault: true },
    {
      key: 'Mod-f',
      run: () => {
        openFind();
        return true;
      },
      preventDefault: true,
    },
  ];
  return keymap.of(bindings);
}
