import { html, nothing, type TemplateResult } from 'lit';
import type { FormModel, Lang } from '../ir/types.js';
import { uiText } from './i18n/ui-text.js';
import { phoneParts } from './safe-url.js';

/** Input of {@link renderHelpPanel}. */
export interface HelpPanelOptions {
  readonly model: FormModel;
  readonly lang: Lang;
  readonly ticked: readonly string[];
}

function phone(text: string): TemplateResult {
  const p = phoneParts(text);
  if (p.href === undefined) return html`${text}`;
  return html`${p.before}<a href=${p.href}>${p.number}</a>${p.after}`;
}

/**
 * The help panel, a closed `<details>` (part `help`) built from the form's
 * metadata: consultation phones as `tel:` links with office hours, time
 * limits, the department that handles each ticked service, the seed's notes,
 * and a `help` slot for the host's own content. Every string is a text binding.
 *
 * @param options - the form, the language and the ticked services.
 */
export function renderHelpPanel(options: HelpPanelOptions): TemplateResult {
  const { model, lang, ticked } = options;
  const { meta } = model;
  const contacts = meta.contacts ?? [];
  const services = model.services.filter((s) => ticked.includes(s.id));
  const limits = services.filter((s) => s.timeLimit !== undefined);
  return html`<details part="help" class="help">
    <summary class="help__summary">${uiText('help', lang)}</summary>
    <div class="help__body">
      ${contacts.length === 0
        ? nothing
        : html`<h3 class="help__heading">${uiText('helpPhones', lang)}</h3>
            <ul class="help__list">
              ${contacts.map(
                (c) => html`<li>
                  <span class="help__area">${c.area[lang]}</span>${c.phone === undefined ? nothing : html` ${phone(c.phone)}`}${c.hours === undefined
                    ? nothing
                    : html`<br /><span class="hint">${c.hours[lang]}</span>`}
                </li>`,
              )}
            </ul>`}
      ${meta.timeLimits === undefined && limits.length === 0
        ? nothing
        : html`<h3 class="help__heading">${uiText('helpTimeLimits', lang)}</h3>
            ${meta.timeLimits === undefined ? nothing : html`<p>${meta.timeLimits[lang]}</p>`}
            ${limits.length === 0
              ? nothing
              : html`<ul class="help__list">
                  ${limits.map((s) => html`<li>${s.title[lang]}${lang === 'en' ? ': ' : '：'}${s.timeLimit?.[lang]}</li>`)}
                </ul>`}`}
      ${services.length === 0
        ? nothing
        : html`<h3 class="help__heading">${uiText('helpDepartments', lang)}</h3>
            <ul class="help__list">
              ${services.map((s) => html`<li>${s.title[lang]}${lang === 'en' ? ': ' : '：'}${meta.departments[s.department]?.[lang] ?? s.department}</li>`)}
            </ul>`}
      ${(meta.extendedServices ?? []).length === 0
        ? nothing
        : html`<h3 class="help__heading">${uiText('helpExtended', lang)}</h3>
            <ul class="help__list">
              ${(meta.extendedServices ?? []).map(
                (x) => html`<li>${x.title[lang]}${lang === 'en' ? ' — ' : '——'}${meta.departments[x.department]?.[lang] ?? x.department}${x.description === undefined
                  ? nothing
                  : html`<br /><span class="hint">${x.description[lang]}</span>`}</li>`,
              )}
            </ul>`}
      ${(meta.notes ?? []).length === 0
        ? nothing
        : html`<h3 class="help__heading">${uiText('helpNotes', lang)}</h3>
            <ul class="help__list">
              ${(meta.notes ?? []).map((n) => html`<li>${n[lang]}</li>`)}
            </ul>`}
      <slot name="help"></slot>
    </div>
  </details>`;
}

/**
 * The recipients notice before the submit button (PIPL art. 23; DOMAIN.md
 * §11.2): each department that receives part of the application, once.
 *
 * @param options - the form, the language and the ticked services.
 */
export function renderRecipients(options: HelpPanelOptions): TemplateResult | typeof nothing {
  const { model, lang, ticked } = options;
  const departments = [...new Set(model.services.filter((s) => ticked.includes(s.id)).map((s) => s.department))];
  if (departments.length === 0) return nothing;
  return html`<div part="recipients" class="recipients">
    <p>${uiText('recipients', lang)}</p>
    <ul>
      ${departments.map((d) => {
        const names = model.services.filter((s) => s.department === d && ticked.includes(s.id)).map((s) => s.title[lang]);
        return html`<li>${model.meta.departments[d]?.[lang] ?? d}${lang === 'en' ? ` (${names.join('; ')})` : `（${names.join('、')}）`}</li>`;
      })}
    </ul>
  </div>`;
}
