// Create (PUT) or edit (PATCH) a conference with the schema's fields; the service validates, and each validation error
// appears beside the field its dotted path names (e.g. conference_numbers.0 beside "Conference numbers").
import { call, accountPath, conferencePath } from './api.js';
import { h, attempt } from './dom.js';

// [path, label, kind]: list = comma-separated digits, flag = checkbox, tone = true/false/a media path
const FIELDS = [
  ['name', 'Name', 'text'],
  ['conference_numbers', 'Conference numbers', 'list'],
  ['member.pins', 'Member pins', 'list'],
  ['member.numbers', 'Member numbers', 'list'],
  ['member.join_muted', 'Members join muted', 'flag'],
  ['member.join_deaf', 'Members join deaf', 'flag'],
  ['member.play_entry_prompt', 'Play the entry prompt to members', 'flag'],
  ['moderator.pins', 'Moderator pins', 'list'],
  ['moderator.numbers', 'Moderator numbers', 'list'],
  ['moderator.join_muted', 'Moderators join muted', 'flag'],
  ['moderator.join_deaf', 'Moderators join deaf', 'flag'],
  ['max_participants', 'Maximum participants', 'number'],
  ['play_entry_tone', 'Entry tone (true, false or a media)', 'tone'],
  ['play_exit_tone', 'Exit tone (true, false or a media)', 'tone'],
  ['play_name', 'Announce names', 'flag'],
  ['play_welcome', 'Play the welcome prompt', 'flag'],
  ['require_moderator', 'Require a moderator', 'flag'],
  ['wait_for_moderator', 'Wait for a moderator', 'flag'],
];

const fieldId = path => `field-${path.replace('.', '-')}`;
const get = (doc, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), doc);

function set(doc, path, value) {
  const [head, tail] = path.split('.');
  if (tail === undefined) doc[head] = value;
  else (doc[head] ??= {})[tail] = value;
}

function input(path, label, kind, value) {
  const id = fieldId(path);
  const described = `${id}-error`;
  const common = { id, name: path, 'aria-describedby': described };
  let control;
  if (kind === 'flag') control = h('input', { ...common, type: 'checkbox', checked: value === true });
  else if (kind === 'number') control = h('input', { ...common, type: 'number', step: 'any', value: value ?? '' });
  else if (kind === 'list') control = h('input', { ...common, value: (value || []).join(', '), inputmode: 'numeric' });
  else control = h('input', { ...common, value: value === undefined || value === null ? '' : String(value) });
  return h('div', { class: `field ${kind}`, dataset: { field: path } },
    h('label', { for: id }, label), control, h('p', { id: described, class: 'field-error', hidden: true }));
}

function read(form, creating) {
  const doc = {};
  for (const [path, , kind] of FIELDS) {
    const element = form.elements[path];
    const text = element.value.trim();
    let value;
    if (kind === 'flag') value = element.checked;
    else if (kind === 'list') value = text === '' ? [] : text.split(',').map(s => s.trim()).filter(Boolean);
    else if (kind === 'number') value = text === '' ? null : Number(text);
    else if (kind === 'tone') value = text === '' ? null : text === 'true' ? true : text === 'false' ? false : text;
    else value = text === '' ? null : text;
    // a PATCH removes a key with null; a create leaves it out
    if (value === null && creating) continue;
    set(doc, path, value);
  }
  return doc;
}

function showFieldErrors(form, fields) {
  const general = [];
  for (const [key, rules] of Object.entries(fields)) {
    const messages = Object.values(rules || {}).map(r => r?.message).filter(Boolean).join('; ') || 'invalid';
    const match = FIELDS.map(f => f[0]).filter(p => key === p || key.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
    const error = match && form.querySelector(`#${fieldId(match)}-error`);
    if (!error) { general.push(`${key}: ${messages}`); continue; }
    error.textContent = messages;
    error.hidden = false;
    form.querySelector(`#${fieldId(match)}`).setAttribute('aria-invalid', 'true');
  }
  return general;
}

export function showEditor(section, id) {
  const creating = !id;
  const form = h('form', { id: 'conference-form', novalidate: true });
  section.replaceChildren(h('h2', { id: 'editor-title' }, creating ? 'New conference' : 'Edit conference'), form);
  async function build() {
    // a new conference starts from the schema's defaults that differ from an unchecked box
    const doc = creating ? { member: { join_muted: true } } : (await call('GET', conferencePath(id))).data;
    form.replaceChildren(
      ...FIELDS.map(([path, label, kind]) => input(path, label, kind, get(doc, path))),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, creating ? 'Create' : 'Save'), h('a', { href: '#/' }, 'Cancel')));
  }
  form.addEventListener('submit', event => {
    event.preventDefault();
    for (const error of form.querySelectorAll('.field-error')) { error.hidden = true; error.textContent = ''; }
    for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
    attempt(async () => {
      try {
        const saved = creating ? await call('PUT', accountPath('/conferences'), read(form, true)) : await call('PATCH', conferencePath(id), read(form, false));
        location.hash = `#/conference/${encodeURIComponent(saved.data.id)}`;
      } catch (error) {
        const general = showFieldErrors(form, error.fields || {});
        if (general.length) error.message += ` (${general.join(', ')})`;
        form.querySelector('[aria-invalid]')?.focus();
        throw error;
      }
    }, form.querySelector('button[type="submit"]'));
  });
  attempt(build);
  return () => {};
}
