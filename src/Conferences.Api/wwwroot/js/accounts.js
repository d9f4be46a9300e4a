// The account picker: the signed-in account and its children (GET /v2/accounts/{id}/children, read once per
// sign-in), plus accounts created or opened by id from here (a grandchild is opened by its id).
import { call } from './api.js';
import { session } from './session.js';
import { $, h, attempt } from './dom.js';

export function renderPicker() {
  const picker = $('#account-picker');
  picker.replaceChildren(...session.accounts.map(a =>
    h('option', { value: a.id, selected: a.id === session.accountId }, a.id === session.authAccountId ? `${a.name} (signed in)` : a.name)));
}

let childrenOf = null;

/** reads the signed-in account's children into the picker, once per sign-in */
export async function loadChildren() {
  const parent = session.authAccountId;
  if (!parent || childrenOf === session.token) return;
  childrenOf = session.token;
  try {
    const answer = await call('GET', `accounts/${encodeURIComponent(parent)}/children`);
    for (const child of answer.data) session.remember({ id: child.id, name: child.name || child.id });
    renderPicker();
  } catch {
    childrenOf = null; // the picker keeps what it has; the next route tries again
  }
}

async function open(id) {
  const answer = await call('GET', `accounts/${encodeURIComponent(id)}`);
  session.remember({ id: answer.data.id, name: answer.data.name || answer.data.id });
  session.choose(answer.data.id);
}

export function setUpAccounts() {
  $('#account-picker').addEventListener('change', event => session.choose(event.target.value));
  $('#child-form').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    attempt(async () => {
      const created = await call('PUT', `accounts/${encodeURIComponent(session.accountId)}`, { name: form.elements.name.value.trim() });
      form.reset();
      await open(created.data.id);
    }, form.querySelector('button'));
  });
  $('#open-account-form').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    attempt(async () => { await open(form.elements.id.value.trim()); form.reset(); }, form.querySelector('button'));
  });
}
