import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../ir/types.js';
import { uiText } from './i18n/ui-text.js';

/** Input of {@link renderDraftNotice}. */
export interface DraftNoticeOptions {
  readonly status: 'none' | 'restored' | 'discarded' | 'unavailable';
  /** When the restored draft was saved, milliseconds since the epoch. */
  readonly savedAt: number | undefined;
  readonly lang: Lang;
  readonly readonly: boolean;
  readonly onStartAgain: () => void;
}

/**
 * The draft notice (part `notice`, `role="status"`): «已恢复您上次未提交的草稿»
 * with the time and a «重新开始» button after a restore, the explanation
 * that a stored draft was too large to restore and was deleted, or that drafts
 * are off on this device.
 *
 * @param options - the drafts' status, the language and the start-again handler.
 */
export function renderDraftNotice(options: DraftNoticeOptions): TemplateResult | typeof nothing {
  const { status, lang } = options;
  if (status === 'unavailable') return html`<div part="notice" class="notice" role="status">${uiText('draftsOff', lang)}</div>`;
  if (status === 'discarded') return html`<div part="notice" class="notice" role="status">${uiText('draftDiscarded', lang)}</div>`;
  if (status !== 'restored') return nothing;
  const at = options.savedAt;
  const when = at === undefined ? '' : new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
  const saved = when === '' ? '' : lang === 'en' ? ` (${uiText('draftSavedAt', lang)} ${when}).` : `（${uiText('draftSavedAt', lang)} ${when}）。`;
  return html`<div part="notice" class="notice" role="status">
    <p class="notice__text">${uiText('draftRestored', lang)}${saved}</p>
    ${options.readonly ? nothing : html`<button type="button" class="secondary-button" @click=${options.onStartAgain}>${uiText('startAgain', lang)}</button>`}
  </div>`;
}
