import { css } from 'lit';

/**
 * Styles of the form element. Adopted as a constructed stylesheet (no `<style>`
 * element, no `style=""`), so a strict CSP needs no `style-src` exception.
 *
 * Tokens, two tiers: system tokens (`--yibiao-color-*`, `--yibiao-font-family`,
 * `--yibiao-space`, `--yibiao-radius`) and component tokens that fall back to
 * them (`--yibiao-error-summary-border-color` → `--yibiao-color-error`).
 */
export const formStyles = css`
  :host {
    display: block;
    font-family: var(--yibiao-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--yibiao-font-size, 1rem);
    line-height: var(--yibiao-line-height, 1.5);
    color: var(--yibiao-color-text, #0b0c0c);
    --_error: var(--yibiao-color-error, #d4351c);
    --_focus: var(--yibiao-color-focus, #ffdd00);
    --_space: var(--yibiao-space, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  form {
    margin: 0;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .form-title {
    font-size: 1.5em;
    margin: 0 0 var(--_space);
  }
  .section {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 1px solid var(--yibiao-section-border-color, var(--yibiao-color-border, #b1b4b6));
    border-radius: var(--yibiao-radius, 0);
    min-width: 0;
    /* Off-screen sections skip layout and paint until scrolled near (they stay in the accessibility tree and find-in-page). */
    content-visibility: auto;
    contain-intrinsic-size: auto 40em;
  }
  .section-title {
    font-size: 1.2em;
    font-weight: 700;
    padding: 0 0.25em;
  }
  .field {
    margin: 0 0 var(--_space);
  }
  .field--error {
    border-left: 4px solid var(--_error);
    padding-left: calc(var(--_space) * 0.75);
  }
  .group {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .group legend,
  .label-row label {
    font-weight: 600;
  }
  .label-row {
    display: block;
    margin-bottom: 0.25em;
  }
  .required-marker {
    color: var(--_error);
    margin-inline-start: 0.25em;
  }
  .hint {
    margin: 0 0 0.25em;
    color: var(--yibiao-color-secondary-text, #505a5f);
  }
  .error-message {
    margin: 0 0 0.25em;
    font-weight: 700;
    color: var(--yibiao-error-message-color, var(--_error));
  }
  .error-message p,
  .warning-message p {
    margin: 0;
  }
  .warning-message {
    margin: 0 0 0.25em;
    color: var(--yibiao-warning-message-color, var(--yibiao-color-warning, #8a4b00));
  }
  .input,
  .textarea,
  .select {
    font: inherit;
    display: block;
    width: 100%;
    max-width: var(--yibiao-control-max-width, 32em);
    padding: 0.35em 0.5em;
    border: 2px solid var(--yibiao-control-border-color, var(--yibiao-color-text, #0b0c0c));
    border-radius: var(--yibiao-radius, 0);
    background: var(--yibiao-control-background, #fff);
    color: inherit;
  }
  .input--number,
  .input--date,
  .input--month {
    max-width: 14em;
  }
  [aria-invalid='true'].input,
  [aria-invalid='true'].textarea,
  [aria-invalid='true'].select {
    border-color: var(--_error);
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.35em;
  }
  .option--service {
    align-items: flex-start;
  }
  .option--service .checkbox {
    margin-top: 0.15em;
    flex: none;
  }
  .option__hint {
    margin: 0;
    font-size: 0.9em;
  }
  .option--inline {
    display: inline-flex;
    margin-top: 0.35em;
  }
  .radio,
  .checkbox {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--yibiao-color-accent, #1d70b8);
  }
  input:focus-visible,
  /* Chromium keeps :focus-visible off date and month inputs, whose segments take the focus. */
  .input--date:focus,
  .input--month:focus,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: var(--yibiao-focus-width, 3px) solid var(--_focus);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--yibiao-color-text, #0b0c0c);
  }
  .error-summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 5px solid var(--yibiao-error-summary-border-color, var(--_error));
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary__title {
    margin: 0 0 0.5em;
    font-size: 1.2em;
  }
  .error-summary__list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary__list a {
    color: var(--yibiao-error-summary-link-color, var(--_error));
    font-weight: 700;
  }
  .actions {
    margin-top: var(--_space);
  }
  .submit {
    font: inherit;
    font-weight: 600;
    padding: 0.5em 1.25em;
    border: 0;
    border-radius: var(--yibiao-radius, 0);
    color: var(--yibiao-submit-color, #fff);
    background: var(--yibiao-submit-background, var(--yibiao-color-primary, #00703c));
    cursor: pointer;
  }
  .submit[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .secondary-button,
  .link-button {
    font: inherit;
    cursor: pointer;
    color: var(--yibiao-color-text, #0b0c0c);
  }
  .secondary-button {
    padding: 0.35em 1em;
    border: 2px solid currentColor;
    border-radius: var(--yibiao-radius, 0);
    background: var(--yibiao-control-background, #fff);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
    color: var(--yibiao-color-accent, #1d70b8);
  }
  a {
    color: var(--yibiao-color-accent, #1d70b8);
  }
  .notice,
  .receipt {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border-left: 5px solid var(--yibiao-color-accent, #1d70b8);
    background: var(--yibiao-color-notice, #f3f2f1);
  }
  .notice__text {
    margin: 0 0 0.5em;
  }
  .receipt {
    border-left-color: var(--yibiao-color-primary, #00703c);
  }
  .receipt:focus {
    outline: var(--yibiao-focus-width, 3px) solid var(--_focus);
  }
  .receipt__title {
    margin: 0 0 0.5em;
    font-size: 1.3em;
  }
  .receipt__list {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0 0 var(--_space);
  }
  .receipt__list dd {
    margin: 0;
  }
  .receipt__list ul {
    margin: 0;
    padding-inline-start: 1.1em;
  }
  .receipt__code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .help {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0.5em var(--_space);
    border: 1px solid var(--yibiao-color-border, #b1b4b6);
  }
  .help__summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--yibiao-color-accent, #1d70b8);
  }
  .help__heading {
    font-size: 1em;
    margin: var(--_space) 0 0.25em;
  }
  .help__list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .help__area {
    font-weight: 600;
  }
  .conflicts:empty {
    display: none;
  }
  .conflicts {
    margin-top: 0.5em;
  }
  .address-levels {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
  }
  .address-part {
    margin: 0 0 0.5em;
    min-width: 10em;
  }
  .address-part--detail {
    flex-basis: 100%;
  }
  .address-label {
    display: block;
    margin-bottom: 0.15em;
  }
  .input--code {
    max-width: 8em;
  }
  .dropzone {
    padding: 0.75em;
    border: 2px dashed var(--yibiao-color-border, #b1b4b6);
    max-width: var(--yibiao-control-max-width, 32em);
  }
  .file-input {
    font: inherit;
    max-width: 100%;
  }
  .files {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
  }
  .file {
    display: flex;
    align-items: center;
    gap: 0.75em;
    margin: 0 0 0.35em;
  }
  .file__preview {
    height: auto;
    border: 1px solid var(--yibiao-color-border, #b1b4b6);
  }
  .file__size {
    color: var(--yibiao-color-secondary-text, #505a5f);
  }
  .offline__title {
    font-weight: 600;
    margin: 0 0 0.25em;
  }
  .recipients {
    margin: var(--_space) 0 0;
    color: var(--yibiao-color-secondary-text, #505a5f);
  }
  .recipients p {
    margin: 0;
  }
  .recipients ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
`;
