import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { MaterialModel } from '../ir/types.js';
import { renderDraftNotice } from './draft-notice.js';
import { renderErrorSummary } from './error-summary.js';
import type { UploadContext } from './fields/file.js';
import type { FormContext } from './form-context.js';
import { changeValue, leaveField, toggleService } from './form-edits.js';
import { applicableSections, tickedServices } from './form-state.js';
import { renderHelpPanel, renderRecipients } from './help-panel.js';
import { uiText } from './i18n/ui-text.js';
import { isShown } from './is-shown.js';
import { issuesByPlace, shownMessages, summaryEntries } from './issue-layout.js';
import { isUploadMaterial, materialPath, renderMaterials } from './materials.js';
import { renderReceipt } from './receipt.js';
import { renderSection, type SectionOptions, sectionDeps } from './section.js';
import { renderServicesGroup } from './services-group.js';
import { uploadContext } from './upload-context.js';
import { listedMaterials, materialOfField } from './upload-slots.js';
import type { ValidationIssue } from './validation-types.js';

/** Codes shown live under the services checkboxes, where the conflicting pair is ticked. */
export const CONFLICT_CODES: ReadonlySet<string> = new Set(['E_EXCLUSIVE', 'E_PREREQUISITE', 'W_PREREQUISITE']);
const NO_MESSAGES = { error: undefined, warning: undefined } as const;

/** The handlers of {@link renderForm} that only the element has. */
export interface FormViewHandlers {
  readonly onSubmit: (event: SubmitEvent) => void;
  /** "Start again" in the draft notice. */
  readonly onStartAgain: () => void;
  /** An error-summary link was followed to the control with this ID. */
  readonly onSelect: (id: string) => void;
}

/**
 * The element's whole template: the receipt, then the `<form>` with the
 * draft notice, the error summary, the help panel, the services, the
 * sections (each re-rendered only when its render key changes, see
 * `sectionDeps`), the materials, the recipients and the submit button.
 *
 * @param ctx - the form.
 * @param handlers - the element's own handlers.
 */
export function renderForm(ctx: FormContext, handlers: FormViewHandlers): TemplateResult {
  const { model, divisions } = ctx.form();
  const { data, typed, attachments, receipt } = ctx;
  const lang = ctx.lang();
  const { result } = ctx.validation;
  const { readonly } = ctx.host;
  const upload = (slot: string, material: MaterialModel, single: boolean): UploadContext =>
    uploadContext({ attachments, slot, material, single, lang, element: ctx.host });
  const shownAt = (path: string): boolean => isShown(ctx, path);
  const materials = listedMaterials(model, data);
  const extra = materials.filter(isUploadMaterial).map((m) => materialPath(m.id));
  const errors = issuesByPlace(model, data, result.errors, extra);
  const warnings = issuesByPlace(model, data, result.warnings, extra);
  const messages = (map: Map<string, ValidationIssue[]>, path: string): string[] =>
    shownAt(path) ? (map.get(path) ?? []).filter((i) => !CONFLICT_CODES.has(i.code)).map((i) => i.message[lang]) : [];
  const shown = shownMessages({ errors, warnings, shown: shownAt, lang, skip: CONFLICT_CODES });
  const conflicts = [...result.errors, ...result.warnings]
    .filter((i) => CONFLICT_CODES.has(i.code))
    .map((i) => ({ message: i.message[lang], severity: i.severity }));
  const ticked = tickedServices(model, data);
  const { signing } = ctx.submission;
  const { drafts } = ctx;
  return html`${receipt === undefined ? nothing : renderReceipt({ receipt, model, lang })}
    <form part="form" class="form" novalidate @submit=${handlers.onSubmit}>
      ${renderDraftNotice({ status: drafts.status, savedAt: drafts.restoredAt, lang, readonly, onStartAgain: handlers.onStartAgain })}
      ${ctx.summaryVisible ? renderErrorSummary({ entries: summaryEntries(model, errors, lang), lang, onSelect: handlers.onSelect }) : nothing}
      ${renderHelpPanel({ model, lang, ticked })}
      ${renderServicesGroup({
        model,
        lang,
        ticked,
        errors: messages(errors, model.servicesPath),
        warnings: messages(warnings, model.servicesPath),
        conflicts,
        readonly,
        onToggle: (service, on) => toggleService(ctx, service, on),
      })}
      ${repeat(
        ctx.progressive.take(applicableSections(model, data)),
        (section) => section.key,
        (section) => {
          const options: SectionOptions = {
            section,
            lang,
            data,
            raw: typed.texts,
            messageAt: (path) => shown.at.get(path) ?? NO_MESSAGES,
            readonly,
            divisions,
            uploadFor: (field) => upload(field.path, materialOfField(model, field), true),
            onValue: (field, value, raw) => {
              typed.set(field.path, raw);
              changeValue(ctx, field.path, value);
            },
            onLeave: (field) => leaveField(ctx, field),
          };
          const state = { messages: shown.bySection.get(section.key) ?? '', epoch: typed.epochOf(section.key) };
          return guard(sectionDeps(options, state), () => renderSection(options));
        },
      )}
      ${renderMaterials({
        materials,
        lang,
        uploadOf: (m) => upload(m.id, m, m.photo !== undefined),
        errorAt: (id) => messages(errors, materialPath(id))[0],
        readonly,
      })}
      ${readonly ? nothing : renderRecipients({ model, lang, ticked })}
      ${readonly
        ? nothing
        : html`<div part="actions" class="actions">
            ${ctx.failed ? html`<p class="error-message" role="alert">${uiText('submitFailed', lang)}</p>` : nothing}
            <button part="submit" class="submit" type="submit" aria-disabled=${signing ? 'true' : 'false'}>
              ${uiText(signing ? 'submitting' : 'submit', lang)}
            </button>
          </div>`}
    </form>`;
}
