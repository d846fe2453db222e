import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { h, replaceChildren } from '../ui/dom.js';
import { tx } from '../ui/i18n.js';
import { rjsfUiSchema } from './rjsf-ui-schema.js';
import { createReferenceValidator, type ReferenceValidator } from './rjsf-validator.js';

/** The reference rendering panel. */
export interface ReferencePanel {
  readonly element: HTMLElement;
  /** Renders a newly compiled version; returns its validator (for the parity panel). */
  show(schema: Record<string, unknown>, ui: Record<string, unknown>): ReferenceValidator;
  /** Shows the widget's current data. */
  setData(data: unknown): void;
}

/**
 * The reference rendering: the same bundled schema rendered by @rjsf/core,
 * validated by @rjsf/validator-ajv8 with `customizeValidator({ extenderFn:
 * yibiaoAjvPlugin })`, beside the generated widget. It follows the data typed
 * into the widget (read-only), so both show their verdict on the same data.
 * React escapes every string it renders: schema text stays text.
 */
export function createReferencePanel(): ReferencePanel {
  const mount = h('div', { class: 'rjsf-mount' });
  const failure = h('p', { class: 'bad', role: 'alert', hidden: true });
  const element = h(
    'section',
    { class: 'panel reference-panel', 'aria-labelledby': 'reference-heading' },
    h('div', { class: 'panel-head' }, tx(h('h2', { id: 'reference-heading' }), 'reference')),
    tx(h('p', { class: 'muted note' }), 'referenceNote'),
    failure,
    mount,
  );
  // rjsf throws while rendering a schema it cannot handle; say so instead of leaving the panel blank.
  const root = createRoot(mount, {
    onUncaughtError: (error: unknown) => {
      replaceChildren(failure, `@rjsf/core: ${error instanceof Error ? error.message : String(error)}`);
      failure.hidden = false;
    },
  });
  let version = 0;
  let current: { schema: RJSFSchema; uiSchema: Record<string, unknown>; reference: ReferenceValidator } | undefined;
  let data: unknown = {};

  const render = () => {
    if (current === undefined) return;
    failure.hidden = true;
    root.render(
      createElement(Form, {
        key: version,
        schema: current.schema,
        uiSchema: current.uiSchema,
        validator: current.reference.validator,
        formData: data,
        readonly: true,
        liveValidate: 'onChange',
        showErrorList: false,
        noHtml5Validate: true,
        idPrefix: 'rjsf',
      }),
    );
  };

  return {
    element,
    show(schema, ui) {
      version++;
      const reference = createReferenceValidator();
      current = { schema: schema as RJSFSchema, uiSchema: rjsfUiSchema(ui), reference };
      render();
      return reference;
    },
    setData(next) {
      data = next;
      render();
    },
  };
}
