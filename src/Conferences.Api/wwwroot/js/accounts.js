// The account picker: the signed-in account, the children created or opened from here. The service has no
// children listing (Kazoo's GET /v2/accounts/{id}/children is not part of it), so a child is opened by its id.
import { call } from './api.js';
import { session } from './session.js';
import { $, h, attempt } from './dom.js';

export function renderPicker() {
  const picker = $('#account-picker');
  picker.replaceChildren(...session.accounts.map(a =>
    h('option', { value: a.id, selected: a.id === session.accountId }, a.id === session.authAccountId ? `${a.name} (signed in)` : a.name)));
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
