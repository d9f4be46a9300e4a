// The sandbox of the built-in media-server simulator (…/x_simulator, only while it runs in the service): a simulated
// caller joins, starts or stops talking, hangs up; the simulator publishes the events a real media server would.
import { call, accountPath } from './api.js';
import { h, attempt } from './dom.js';

let available = null; // one question per page: the simulator runs in this process or not

export async function sandboxAvailable() {
  if (available === null) {
    try { await call('GET', accountPath('/x_simulator')); available = true; } catch (error) {
      if (error.status !== 404) throw error;
      available = false;
    }
  }
  return available;
}

const path = (id, rest = '') => accountPath(`/x_simulator/conferences/${encodeURIComponent(id)}/participants${rest}`);

export function sandboxPanel(id) {
  const form = h('form', { id: 'sandbox-form', onsubmit: e => {
    e.preventDefault();
    const f = e.target.elements;
    attempt(async () => {
      await call('PUT', path(id), {
        caller_id_name: f['sim-name'].value.trim(), caller_id_number: f['sim-number'].value.trim(), is_moderator: f['sim-moderator'].checked,
      });
      e.target.reset();
    }, e.submitter);
  } },
  h('h3', {}, 'Sandbox: simulated callers'),
  h('label', { for: 'sim-name' }, 'Caller name'), h('input', { id: 'sim-name', name: 'sim-name', value: '' }),
  h('label', { for: 'sim-number' }, 'Caller number'), h('input', { id: 'sim-number', name: 'sim-number', inputmode: 'tel' }),
  h('label', {}, h('input', { type: 'checkbox', id: 'sim-moderator', name: 'sim-moderator' }), ' moderator'),
  h('button', { type: 'submit' }, 'Add simulated caller'));
  return h('div', { class: 'sandbox' }, form);
}

/** The sandbox buttons of one participant: talk or stop talking, hang up. */
export function sandboxButtons(id, p) {
  return [
    h('button', { type: 'button', class: 'sim', 'aria-label': `${p.talking ? 'Stop talking' : 'Start talking'}: ${p.name}`,
      onclick: e => attempt(() => call('POST', path(id, `/${p.id}`), { talking: !p.talking }), e.currentTarget) }, p.talking ? 'Stop talking' : 'Talk'),
    h('button', { type: 'button', class: 'sim', 'aria-label': `Hang up ${p.name}`,
      onclick: e => attempt(() => call('DELETE', path(id, `/${p.id}`)), e.currentTarget) }, 'Hang up'),
  ];
}
