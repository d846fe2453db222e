import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../src/ir/types.js';
import { builtForm, formIds, ROOT } from '../helpers/forms.js';

/**
 * Checks every label printed on a seed's application form against the form's
 * zh-CN texts: the form is exactly the province's form (FORMS.md: labels are
 * the seed's labels, verbatim, without the `*`).
 */

/** The source documents, kept in the repository so a clone alone can run the tests. */
const SEEDS = path.join(ROOT, 'docs', 'seeds');
/** The steering copy beside the checkout (CI has it); when present, ours must be identical. */
const SHARED_SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');

/** Whitespace inside labels is table layout (姓  名, 原档案保管机构\n名称), not text. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** `forms/<id>/seed-labels.json`: where a seed prints the form (forms with a printed form table only). */
interface SeedForm {
  /** The seed file. */
  readonly file: string;
  /** Where the printed form starts (its last occurrence) and ends in the seed text. */
  readonly from: string;
  readonly to: string;
  /** Layout notes printed inside label cells, not part of the label. */
  readonly noise: readonly string[];
  /** Labels printed without a star (optional fields); each must also occur in the printed form. */
  readonly unstarred: readonly string[];
  /** Where the star stands: `*姓名` (Shandong, Weihai; default) or `姓名*` (Hebei). */
  readonly star?: 'before' | 'after';
  /**
   * What the printed checkboxes are: the services of 申请联办事项 (default), or
   * the options of fields (Hebei prints no service list; its □ are 登记类型/就业类型/人员类别 options).
   */
  readonly checkboxes?: 'services' | 'options';
}

const FORMS: Readonly<Record<string, SeedForm>> = Object.fromEntries(
  formIds()
    .filter((id) => existsSync(path.join(ROOT, 'forms', id, 'seed-labels.json')))
    .map((id) => [id, JSON.parse(readFileSync(path.join(ROOT, 'forms', id, 'seed-labels.json'), 'utf8')) as SeedForm]),
);

function printedForm(seed: SeedForm): string {
  const text = readFileSync(path.join(SEEDS, seed.file), 'utf8');
  const start = text.lastIndexOf(seed.from);
  const end = text.indexOf(seed.to, start);
  expect(start, `${seed.from} in ${seed.file}`).toBeGreaterThan(-1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** Starred labels: `*` up to the next tab/cell break (a label may wrap onto one more line), or the cell before `*`. */
function starredLabels(form: string, seed: SeedForm): string[] {
  const pattern = seed.star === 'after' ? /(?<=^|\t|\n)[\t ]*([^\t\n*□]+?)\*/g : /\*([^\t*]+?)(?=\t|\n\s*\n|\n\t|$)/g;
  const labels = [...form.matchAll(pattern)].map((m) => {
    let label = m[1] ?? '';
    for (const noise of seed.noise) label = label.replace(noise, '');
    return squash(label);
  });
  return [...new Set(labels.filter((l) => l.length > 0))];
}

/** Checkbox items: `□…` or `<input type="checkbox"/>…` (Weihai's rendering), up to the next box or line. */
function checkboxItems(form: string): string[] {
  const boxes = form.replace(/<input type="checkbox"\s*\/?>/g, '□');
  return [...boxes.matchAll(/□\s*([^\n□\t]+)/g)].map((m) => squash(m[1] ?? '')).filter(Boolean);
}

/** Option lists printed in a cell as `A/B/C` (缴存频次 按月/按季/按年). */
function slashOptions(form: string): string[] {
  // A list stands alone in its cell: on its own line, or after its label and a tab (*灵活就业类型\t个体经营者/…).
  const lists = [...form.matchAll(/(?<=^|\t)([^\t\n/：:*<>]+(?:\/[^\t\n/：:*<>]+)+)(?=\t|[ \t]*$)/gm)].map((m) => m[1] ?? '');
  const notes = [...form.matchAll(/包括[:：]([^\n]+)/g)].map((m) => m[1] ?? '');
  return [...lists, ...notes].flatMap((list) => list.split('/').map(squash)).filter(Boolean);
}

function zhTexts(model: FormModel): Set<string> {
  const texts = new Set<string>();
  for (const service of model.services) texts.add(squash(service.title['zh-CN']));
  texts.add(squash(model.servicesTitle['zh-CN']));
  for (const section of model.sections) {
    texts.add(squash(section.title['zh-CN']));
    for (const field of section.fields) {
      texts.add(squash(field.title['zh-CN']));
      for (const option of field.options ?? []) texts.add(squash(option.label['zh-CN']));
    }
  }
  return texts;
}

describe('the seeds in docs/seeds', () => {
  it.runIf(existsSync(SHARED_SEEDS))('are identical to the shared source documents', () => {
    for (const file of readdirSync(SHARED_SEEDS).filter((f) => f.endsWith('.txt'))) {
      expect(readFileSync(path.join(SEEDS, file), 'utf8'), file).toBe(readFileSync(path.join(SHARED_SEEDS, file), 'utf8'));
    }
  });
});

describe.each(Object.entries(FORMS))('the %s form prints the seed’s labels', (formId, seed) => {
  const form = printedForm(seed);

  it('finds the labels in the seed (the extraction itself works)', () => {
    if (process.env.SHOW_LABELS) console.log(starredLabels(form, seed), checkboxItems(form), slashOptions(form));
    expect(starredLabels(form, seed).length).toBeGreaterThan(10);
    for (const label of seed.unstarred) expect(squash(form)).toContain(label);
  });

  it('has a field titled with every starred and unstarred label', async () => {
    const texts = zhTexts((await builtForm(formId)).model);
    const missing = [...starredLabels(form, seed), ...seed.unstarred].filter((label) => !texts.has(label));
    expect(missing).toEqual([]);
  });

  it(seed.checkboxes === 'options' ? 'offers every printed checkbox as an option' : 'has a service titled with every ticked item of 申请联办事项', async () => {
    const { model } = await builtForm(formId);
    const titles = seed.checkboxes === 'options' ? zhTexts(model) : new Set(model.services.map((s) => squash(s.title['zh-CN'])));
    const items = checkboxItems(form);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => !titles.has(item))).toEqual([]);
  });

  it('offers every option the seed lists', async () => {
    const texts = zhTexts((await builtForm(formId)).model);
    // Hebei prints its options as □ boxes (checked in the test above), not as A/B/C lists.
    const options = seed.checkboxes === 'options' ? [...slashOptions(form), ...checkboxItems(form)] : slashOptions(form);
    expect(options.length).toBeGreaterThan(5);
    expect(options.filter((o) => !texts.has(o))).toEqual([]);
  });
});
