// JSON Forms 3 with the vanilla renderers and cells on React 19, validating with
// an ajv that has yibiao's formats and keywords (the same rules as the others).
import { createAjv } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { yibiaoAjvPlugin } from '../../src/ajv/plugin.ts';

// Uncontrolled: JSON Forms keeps the data in its own store. (Feeding onChange's data back
// through React state, as in JSON Forms' README, lets a slow re-render overwrite a newer
// keystroke with an older value at 200+ fields: keys were lost in trial runs.)
function App({ schema, uischema, initial, ajv }) {
  return createElement(JsonForms, { schema, uischema, data: initial, ajv, renderers: vanillaRenderers, cells: vanillaCells });
}

/**
 * @param {object} schema - the bundled schema, service sections also declared at the root (JSON Forms scopes need them).
 * @param {object} uischema - sections as Groups shown by a rule while their service is ticked.
 * @param {string[]} services - every service id.
 */
export function mount(schema, uischema, services) {
  const initial = new URLSearchParams(location.search).has('all') ? { services: [...services] } : {};
  const ajv = yibiaoAjvPlugin(createAjv());
  createRoot(document.getElementById('root')).render(createElement(App, { schema, uischema, initial, ajv }));
}
