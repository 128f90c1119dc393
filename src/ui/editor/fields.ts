/**
 * The editor's labelled fields: each with its problem shown beside it (aria-invalid,
 * aria-describedby), and date fields with a preview of the EDTF date typed, in words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { checkDate, formatDate } from '../../model/dates.ts';
import type { Problem } from '../../model/edit.ts';

export interface FieldContext {
  /** The form's name, which prefixes ids: `organ-name`. */
  form: string;
  problems: Problem[];
  /** The date typed in each date field, for the preview. */
  dates: Record<string, string>;
  onDate: (key: string, value: string) => void;
}

const problemOf = (c: FieldContext, name: string) => c.problems.find((p) => p.field === name || p.field.endsWith(`.${name}`));

function wrap(c: FieldContext, name: string, label: string, control: (id: string, describedBy: string, invalid: boolean) => TemplateResult, hint?: TemplateResult | string) {
  const id = `${c.form}-${name}`;
  const problem = problemOf(c, name);
  // The refusal says what the preview said: one of them is enough.
  if (problem && typeof hint === 'string' && hint.startsWith('Not a date yet')) hint = undefined;
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${problem ? `has-${problem.severity}` : ''}">
    <label for=${id}>${label}</label>
    ${control(id, describedBy, problem?.severity === 'error')}
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${problem ? html`<p class="problem ${problem.severity}" id="${id}-problem">${problem.severity === 'warning' ? 'Note: ' : ''}${problem.message}</p>` : nothing}
  </div>`;
}

export function text(c: FieldContext, name: string, label: string, options: { required?: boolean; hint?: string; placeholder?: string; value?: string } = {}) {
  return wrap(
    c,
    name,
    label,
    (id, d, invalid) =>
      html`<input id=${id} name=${name} type="text" .value=${options.value ?? ''} ?required=${options.required} placeholder=${options.placeholder ?? ''} aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'} />`,
    options.hint,
  );
}

export function area(c: FieldContext, name: string, label: string, hint?: string) {
  return wrap(c, name, label, (id, d, invalid) => html`<textarea id=${id} name=${name} rows="3" aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'}></textarea>`, hint);
}

/** What an EDTF date means, as the explorer will say it, or what is wrong with it. */
export function datePreview(value: string): string {
  if (!value.trim()) return 'EDTF: 1932-06-21, 1930-07, 1932-22 (summer), 1930? (uncertain), 1930~ (about)';
  const problem = checkDate(value.trim());
  return problem ? `Not a date yet: ${problem}` : `Reads as: ${formatDate(value.trim())}`;
}

export function date(c: FieldContext, name: string, label: string, required = false) {
  const key = `${c.form}-${name}`;
  return wrap(
    c,
    name,
    label,
    (id, d, invalid) =>
      html`<input id=${id} name=${name} type="text" inputmode="text" autocomplete="off" ?required=${required} aria-describedby=${d || nothing} aria-invalid=${invalid ? 'true' : 'false'} @input=${(e: Event) => c.onDate(key, (e.target as HTMLInputElement).value)} />`,
    datePreview(c.dates[key] ?? ''),
  );
}

export function choice(c: FieldContext, name: string, label: string, options: { value: string; label: string }[], config: { multiple?: boolean; selected?: string[]; onChange?: (value: string) => void } = {}) {
  const selected = new Set(config.selected ?? []);
  return wrap(
    c,
    name,
    label,
    (id, d, invalid) =>
      html`<select
        id=${id}
        name=${name}
        ?multiple=${config.multiple}
        size=${config.multiple ? Math.min(6, Math.max(2, options.length)) : nothing}
        aria-describedby=${d || nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        @change=${(e: Event) => config.onChange?.((e.target as HTMLSelectElement).value)}
      >
        ${options.map((o) => html`<option value=${o.value} ?selected=${selected.has(o.value)}>${o.label}</option>`)}
      </select>`,
    config.multiple ? 'Several: Ctrl or Shift with the arrows, or Ctrl+click' : undefined,
  );
}

/** The problems no field of the form shows. */
export function formProblems(c: FieldContext, fields: string[]) {
  const rest = c.problems.filter((p) => !fields.some((f) => p.field === f || p.field.endsWith(`.${f}`)));
  return rest.length ? html`<ul class="problems" role="alert">${rest.map((p) => html`<li class=${p.severity}>${p.message}</li>`)}</ul>` : nothing;
}
