import { css } from 'lit';

/**
 * Print layout: the filled form as the seed's paper form — each section a
 * bordered table of rows, the label left and the answer right — with no
 * buttons, hints, help or drop zones; unchosen radios and unticked services
 * are left out. A receipt, when there is one, prints first.
 */
export const printStyles = css`
  @media print {
    :host {
      color: #000;
      font-size: 10.5pt;
    }
    .help,
    .notice,
    .actions,
    .recipients,
    .error-summary,
    .hint,
    .warning-message,
    .conflicts,
    .dropzone,
    [part='remove'],
    [part='print'],
    .required-marker,
    .file__preview {
      display: none !important;
    }
    .section {
      border: 1px solid #000;
      border-radius: 0;
      padding: 0;
      margin: 0 0 8pt;
      break-inside: avoid;
    }
    .section-title {
      float: left;
      width: 100%;
      margin: 0;
      padding: 3pt 6pt;
      font-size: 11pt;
      border-bottom: 1px solid #000;
      background: #eee;
    }
    .field {
      clear: both;
      display: grid;
      grid-template-columns: 11em 1fr;
      margin: 0;
      border-top: 1px solid #000;
      border-left: 0;
      padding: 0;
    }
    .field > .label-row,
    .field > .group > legend {
      padding: 3pt 6pt;
      border-right: 1px solid #000;
    }
    .field > .group {
      display: contents;
    }
    .field > .group > legend {
      float: left;
      width: 11em;
    }
    .options,
    .field > .input,
    .field > .select,
    .field > .textarea,
    .field > .date-or-permanent,
    .field .address-levels,
    .field .files {
      padding: 3pt 6pt;
    }
    .input,
    .select,
    .textarea {
      border: 0;
      padding: 0;
      max-width: none;
      appearance: none;
      resize: none;
    }
    .option:has(> input:not(:checked)) {
      display: none;
    }
    .radio,
    .checkbox {
      display: none;
    }
    .error-message {
      font-weight: 400;
    }
    .receipt {
      border: 1px solid #000;
      background: none;
      break-after: page;
    }
  }
`;
