import { tagName } from '../../../src/compile/component.js';

/** What the embed snippet needs. */
export interface EmbedInput {
  readonly formId: string;
  /** Where the site serves the modules, e.g. `https://www.example.gov.cn/widget/dist/`. */
  readonly baseUrl: string;
  readonly integrity: string;
}

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The copy-paste embed for a government site: the module pinned by SRI
 * (`crossorigin` is required for SRI on a module from another origin) and the
 * element. This text is shown in a text area and copied, never parsed into the designer.
 *
 * @param input - form id, module URL prefix, SRI value.
 */
export function embedSnippet(input: EmbedInput): string {
  const base = input.baseUrl.endsWith('/') ? input.baseUrl : `${input.baseUrl}/`;
  const tag = tagName(input.formId);
  return `<script type="module" src="${attribute(`${base}${input.formId}.js`)}" integrity="${attribute(input.integrity)}" crossorigin="anonymous"></script>
<${tag} lang="zh-CN"></${tag}>`;
}
