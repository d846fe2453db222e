// @rjsf/core 6 on React 19, `liveValidate` on. Plain JavaScript: the project
// has no React type definitions (the page entries are bundled by esbuild only).
import Form from '@rjsf/core';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Renders an rjsf form into `#root`.
 * `?all=1` starts with every service ticked (the keystroke sessions use it).
 * The error list at the top is off: errors show inline, as in yibiao.
 *
 * @param {object} schema - the bundled schema yibiao publishes.
 * @param {object} uiSchema - the form's ui.json, restricted to rjsf's widgets.
 * @param {object} validator - runtime or precompiled @rjsf/validator-ajv8 validator.
 * @param {string[]} services - every service id.
 */
export function mountRjsf(schema, uiSchema, validator, services) {
  const props = { schema, uiSchema, validator, liveValidate: true, showErrorList: false, noHtml5Validate: true };
  if (new URLSearchParams(location.search).has('all')) props.formData = { services: [...services] };
  createRoot(document.getElementById('root')).render(createElement(Form, props));
}
