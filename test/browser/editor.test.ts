/**
 * The editor, as a user meets it: open it from the header, build a small hierarchy from nothing
 * (a source, three organs, a split and a merge), see a bad date refused at its field, undo and
 * redo with the keyboard, reload and find the draft, download it, and the file passes the
 * validation `validate` runs; then show it in the explorer.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { loadGraphSet } from '../../src/io/graph-file.ts';
import { at } from '../../src/model/model.ts';
import { snapshot } from '../../src/model/snapshot.ts';
import type { ApparatEditor } from '../../src/ui/editor/apparat-editor.ts';
import { $, deep, openApp, params } from './helpers.ts';

const DRAFT = 'apparat:editor-draft';
beforeAll(() => localStorage.removeItem(DRAFT));
afterAll(() => localStorage.removeItem(DRAFT));

const editorOf = async () => {
  const app = await openApp();
  // The editor's code loads after the first chart (src/ui/lazy.ts).
  await customElements.whenDefined('apparat-editor');
  const editor = $(app, 'apparat-editor') as ApparatEditor;
  (editor.shadowRoot!.querySelector('button.opener') as HTMLButtonElement).click();
  await editor.updateComplete;
  expect(editor.shadowRoot!.querySelector('dialog')!.open).toBe(true);
  return { app, editor, root: editor.shadowRoot! };
};

/** Sets a field as typing or choosing would (selects: the options named, one or several). */
function fill(root: ShadowRoot, id: string, value: string | string[]) {
  const el = root.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  expect(el, id).toBeTruthy();
  if (el instanceof HTMLSelectElement) {
    const wanted = Array.isArray(value) ? value : [value];
    for (const o of el.options) o.selected = wanted.includes(o.value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    el.value = String(value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

async function submit(editor: ApparatEditor, formTitle: string) {
  const form = editor.shadowRoot!.querySelector(`form[aria-labelledby="${formTitle}"]`) as HTMLFormElement;
  (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
  await editor.updateComplete;
}

const summary = (root: ShadowRoot) => root.querySelector('.summary')?.textContent?.replace(/\s+/g, ' ') ?? '';

test('a hierarchy built from nothing, with a split and a merge, kept through a reload, downloaded valid', async () => {
  let { app, editor, root } = await editorOf();

  // The first form by keyboard alone: type the title, Enter.
  root.querySelector<HTMLInputElement>('input[name="title"]')!.focus();
  await userEvent.keyboard('Ministry of Fisheries');
  await userEvent.keyboard('{Enter}');
  await editor.updateComplete;
  expect(root.querySelector('h2')!.textContent).toContain('Ministry of Fisheries');

  fill(root, 'source-citation', 'Annual report of the ministry, 1955, p. 4');
  fill(root, 'source-id', 'report');
  await submit(editor, 'source-title');

  const organ = async (name: string, type: string, start: string, parent = '') => {
    fill(root, 'organ-name', name);
    fill(root, 'organ-type', type);
    if (type === 'unit') fill(root, 'organ-typeLabel', 'ministry');
    fill(root, 'organ-start', start);
    fill(root, 'organ-parent', parent);
    await submit(editor, 'organ-title');
  };
  await organ('Ministry of Fisheries', 'unit', '1950');
  await organ('Fleet Department', 'department', '1950', 'ministry-of-fisheries');
  await organ('Ports Department', 'department', '1950', 'ministry-of-fisheries');

  // A bad date: the preview says so as it is typed, and the refusal is shown at the field.
  fill(root, 'organ-name', 'Science Department');
  fill(root, 'organ-start', '1950-13');
  await editor.updateComplete;
  expect(root.getElementById('organ-start-hint')!.textContent).toMatch(/Not a date yet/);
  await submit(editor, 'organ-title');
  expect(root.getElementById('organ-start')!.getAttribute('aria-invalid')).toBe('true');
  expect(root.getElementById('organ-start-problem')!.textContent).toMatch(/13/);
  expect(summary(root)).not.toContain('Science Department');
  fill(root, 'organ-start', '1951-06');
  await editor.updateComplete;
  expect(root.getElementById('organ-start-hint')!.textContent).toBe('Reads as: June 1951');
  fill(root, 'organ-start', '');

  // A split into two, then a merge of one of them with another department.
  fill(root, 'change-kind', 'split');
  await editor.updateComplete;
  fill(root, 'change-date', '1953-04');
  fill(root, 'change-organ', 'fleet-department');
  fill(root, 'change-into', 'Northern Fleet\nSouthern Fleet');
  await submit(editor, 'change-title');
  fill(root, 'change-kind', 'merge');
  await editor.updateComplete;
  fill(root, 'change-date', '1955');
  fill(root, 'change-organs', ['southern-fleet', 'ports-department']);
  fill(root, 'change-name', 'Maritime Department');
  await submit(editor, 'change-title');
  const events = () => [...root.querySelectorAll('.events li')].map((li) => li.getAttribute('data-event'));
  expect(events()).toHaveLength(2);
  expect(summary(root)).toContain('Fleet Department split into Northern Fleet, Southern Fleet');
  expect(summary(root)).toContain('Ports Department and Southern Fleet merged into Maritime Department');

  // Undo and redo by keyboard, from the toolbar.
  root.querySelector<HTMLButtonElement>('.tools button')!.focus();
  await userEvent.keyboard('{Control>}z{/Control}');
  await editor.updateComplete;
  expect(events()).toHaveLength(1);
  await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  await editor.updateComplete;
  expect(events()).toHaveLength(2);

  // A reload finds the draft as it was.
  app.remove();
  ({ app, editor, root } = await editorOf());
  expect(events()).toHaveLength(2);
  expect(summary(root)).toContain('Maritime Department');

  // Download: the file the browser saves passes the CLI's validation.
  let saved: { name: string; href: string } | undefined;
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    saved = { name: this.download, href: this.href };
  };
  try {
    [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent === 'Download')!.click();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  expect(saved?.name).toBe('ministry-of-fisheries.json');
  const text = await (await fetch(saved!.href)).text();
  const [loaded] = loadGraphSet([{ file: saved!.name, text }]);
  expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(loaded.graph!.events!.map((e) => e.kind)).toEqual(['split', 'merge']);
  expect(loaded.graph!.organs.map((o) => o.id).sort()).toEqual(['fleet-department', 'maritime-department', 'ministry-of-fisheries', 'northern-fleet', 'ports-department', 'southern-fleet']);

  // Shown in the explorer: the app opens it as one of the user's graphs.
  [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent === 'Show in the explorer')!.click();
  await expect.poll(() => params().get('graph'), { timeout: 15_000 }).toBe('ministry-of-fisheries');
  await expect.poll(() => deep(app, '.caption h1')?.textContent, { timeout: 15_000 }).toBe('Ministry of Fisheries');
  app.remove();
});

test('"Edit a copy" starts from the graph shown, under its own id, and a rename of it is undone by the button', async () => {
  localStorage.removeItem(DRAFT);
  const { app, editor, root } = await editorOf();
  const shown = app.explorer.modelOf(params().get('graph') ?? undefined)!.graph;
  const copy = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Edit a copy of'))!;
  expect(copy.textContent).toContain(shown.title);
  copy.click();
  await editor.updateComplete;
  expect(summary(root)).toContain(`(${shown.id}-copy)`);
  expect(root.querySelectorAll('.organs li')).toHaveLength(shown.organs.length);
  const before = root.querySelectorAll('.events li').length;

  // An organ certainly there in June 1931, as the explorer's snapshot says.
  const first = [...snapshot(app.explorer.modelOf(shown.id)!, at('1931-06')).organs.values()].find((o) => !o.vague)!;
  fill(root, 'change-kind', 'rename');
  await editor.updateComplete;
  fill(root, 'change-date', '1931-06');
  fill(root, 'change-organ', first.id);
  fill(root, 'change-name', 'A New Name');
  await submit(editor, 'change-title');
  expect(root.querySelectorAll('.events li')).toHaveLength(before + 1);
  [...root.querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent === 'Undo')!.click();
  await editor.updateComplete;
  expect(root.querySelectorAll('.events li')).toHaveLength(before);
  app.remove();
});
