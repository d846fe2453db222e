/** Widgets @rjsf/core has by these names and uses as yibiao's ui.json means them. */
const SAME = new Set(['text', 'textarea', 'select', 'radio', 'checkboxes', 'checkbox', 'date', 'updown']);

/** yibiao's own widget names and the rjsf widget closest to each. */
const CLOSEST: Readonly<Record<string, string>> = { 'year-month': 'text', 'date-or-permanent': 'text', 'yes-no': 'radio' };

/**
 * The uiSchema rjsf is given: yibiao's ui.json with the widget names rjsf does
 * not have mapped to its closest one (`year-month` → `text`, `yes-no` →
 * `radio`) or removed (`address`, `region` and `file` are objects, which rjsf
 * renders field by field) — rjsf throws on a widget it does not know.
 *
 * @param ui - the uiSchema in effect.
 * @returns a copy for rjsf, with its submit button hidden (the reference is read-only).
 */
export function rjsfUiSchema(ui: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const convert = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(convert);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'ui:widget' && typeof value === 'string') {
        const widget = SAME.has(value) ? value : CLOSEST[value];
        if (widget !== undefined) out[key] = widget;
      } else {
        out[key] = convert(value);
      }
    }
    return out;
  };
  return { ...(convert(ui) as Record<string, unknown>), 'ui:submitButtonOptions': { norender: true } };
}
