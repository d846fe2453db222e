import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/** Where the cursor is in a JSON document, as completion needs it. */
export interface JsonContext {
  /** Completing an object member's name, or a value. */
  readonly kind: 'key' | 'value';
  /** Keys (and array indexes) from the root to the object or array the cursor is in. */
  readonly path: readonly string[];
  /** For a value of an object member: that member's name. */
  readonly key?: string;
  /** The range the completion replaces (a whole string token, quotes included, when in one). */
  readonly from: number;
  readonly to: number;
  /** Whether a `:` already follows the name being completed. */
  readonly hasColon: boolean;
}

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function keyOf(state: EditorState, property: SyntaxNode): string | undefined {
  const name = property.getChild('PropertyName');
  if (name === null) return undefined;
  try {
    return JSON.parse(state.sliceDoc(name.from, name.to)) as string;
  } catch {
    return state.sliceDoc(name.from + 1, name.to - 1);
  }
}

/** Keys and indexes from the root down to `container` (an Object or Array node). */
function pathTo(state: EditorState, container: SyntaxNode): string[] {
  const path: string[] = [];
  for (let node: SyntaxNode | null = container; node?.parent; node = node.parent) {
    const parent: SyntaxNode = node.parent;
    if (parent.name === 'Property' && node.name !== 'PropertyName') {
      const key = keyOf(state, parent);
      if (key !== undefined) path.unshift(key);
    } else if (parent.name === 'Array') {
      let index = 0;
      for (let sibling = node.prevSibling; sibling; sibling = sibling.prevSibling) if (VALUES.has(sibling.name)) index++;
      path.unshift(String(index));
    }
  }
  return path;
}

function enclosing(node: SyntaxNode, names: readonly string[]): SyntaxNode | undefined {
  for (let current: SyntaxNode | null = node; current; current = current.parent) if (names.includes(current.name)) return current;
  return undefined;
}

/**
 * Reads the completion context at `pos` from the lezer JSON tree: member
 * name or value, the path of the enclosing container, and the text to replace.
 * Works on half-typed documents (a bare word, an unclosed string).
 *
 * @param state - the editor state.
 * @param pos - the cursor.
 */
export function jsonContextAt(state: EditorState, pos: number): JsonContext | undefined {
  // Parse up to the cursor at least: the state's own tree may stop short of it in a long schema.
  const node = (ensureSyntaxTree(state, pos, 100) ?? syntaxTree(state)).resolveInner(pos, -1);
  const word = /"?[^\s"{}[\],:]*"?$/.exec(state.sliceDoc(Math.max(0, pos - 200), pos))?.[0] ?? '';
  const afterWord = /^[^\s"{}[\],:]*"?/.exec(state.sliceDoc(pos, pos + 200))?.[0] ?? '';
  const token = node.name === 'String' || node.name === 'PropertyName' ? node : undefined;
  const from = token ? token.from : pos - word.length;
  const to = token ? token.to : pos + (word.startsWith('"') ? afterWord.length : 0);
  const hasColon = /^\s*:/.test(state.sliceDoc(to, to + 50));

  if (node.name === 'PropertyName') {
    const object = enclosing(node, ['Object']);
    return object ? { kind: 'key', path: pathTo(state, object), from, to, hasColon } : undefined;
  }
  const property = enclosing(node, ['Property']);
  const container = enclosing(node, ['Object', 'Array']);
  // A value: inside the member after its colon, or an element of an array.
  if (property && container && property.from > container.from) {
    const colon = property.getChild(':');
    if (colon && pos >= colon.to) {
      const object = enclosing(property, ['Object']);
      const key = keyOf(state, property);
      if (object && key !== undefined) return { kind: 'value', path: pathTo(state, object), key, from, to, hasColon: false };
    }
    if (!colon) {
      const object = enclosing(property, ['Object']);
      return object ? { kind: 'key', path: pathTo(state, object), from, to, hasColon } : undefined;
    }
  }
  if (container?.name === 'Array') return { kind: 'value', path: pathTo(state, container), from, to, hasColon: false };
  if (container?.name === 'Object') return { kind: 'key', path: pathTo(state, container), from, to, hasColon };
  return undefined;
}
