// The account's conferences with live member and moderator counts, duration and lock state: each row's conference is
// subscribed on the websocket and read again (debounced) when one of its events arrives; durations tick locally.
import { call, accountPath, conferencePath } from './api.js';
import { live } from './socket.js';
import { h, attempt, formatDuration } from './dom.js';

const REFRESH_MS = 15000; // conferences created elsewhere appear within this

export function showList(section) {
  const rows = new Map(); // id → { row, state, timer }
  const body = h('tbody');
  const table = h('table', { class: 'conferences' },
    h('caption', { class: 'visually-hidden' }, 'Conferences of the account'),
    h('thead', {}, h('tr', {}, ['Name', 'Numbers', 'Members', 'Moderators', 'Duration', 'Lock', 'Actions'].map(t => h('th', { scope: 'col' }, t)))),
    body);
  const empty = h('p', { class: 'empty' }, 'No conferences yet.');
  section.replaceChildren(
    h('div', { class: 'heading' }, h('h2', { id: 'list-title' }, 'Conferences'), h('a', { href: '#/new', class: 'button' }, 'New conference')),
    empty, table);

  function render(entry) {
    const { state } = entry;
    const ro = state.read_only;
    const cells = entry.row.children;
    cells[0].replaceChildren(h('a', { href: `#/conference/${encodeURIComponent(state.id)}` }, state.name || state.id));
    cells[1].textContent = (state.conference_numbers || []).join(', ');
    cells[2].textContent = String(ro.members ?? 0);
    cells[3].textContent = String(ro.moderators ?? 0);
    cells[5].textContent = ro.is_locked ? 'locked' : 'open';
    tick(entry);
  }

  function tick(entry) {
    const ro = entry.state.read_only;
    const running = (ro.participant_count ?? 0) > 0;
    const seconds = (ro.duration ?? 0) + (running ? (Date.now() - entry.state.fetched) / 1000 : 0);
    entry.row.children[4].textContent = running ? formatDuration(seconds) : '–';
  }

  async function refresh(id) {
    const entry = rows.get(id);
    if (!entry) return;
    const answer = await call('GET', conferencePath(id));
    entry.state = { ...entry.state, name: answer.data.name, conference_numbers: answer.data.conference_numbers, read_only: answer.data._read_only, fetched: Date.now() };
    render(entry);
  }

  function schedule(id) {
    const entry = rows.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => refresh(id).catch(() => {}), 300);
  }

  function add(item) {
    const name = item.name || item.id;
    const remove = h('button', { type: 'button', 'aria-label': `Delete ${name}`, onclick: e => attempt(async () => {
      if (!window.confirm(`Delete conference ${name}?`)) return;
      await call('DELETE', conferencePath(item.id));
      drop(item.id);
    }, e.currentTarget) }, 'Delete');
    const row = h('tr', { dataset: { id: item.id } }, h('td'), h('td'), h('td'), h('td'), h('td'), h('td'),
      h('td', { class: 'actions' }, h('a', { href: `#/edit/${encodeURIComponent(item.id)}`, 'aria-label': `Edit ${name}` }, 'Edit'), remove));
    const entry = { row, state: { ...item, read_only: item._read_only || {}, fetched: Date.now() }, timer: null };
    rows.set(item.id, entry);
    body.append(row);
    render(entry);
    live.subscribe(`conference.event.${item.id}.*`, { onEvent: () => schedule(item.id), onSubscribed: () => schedule(item.id) });
  }

  function drop(id) {
    const entry = rows.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.row.remove();
    rows.delete(id);
    live.unsubscribe(`conference.event.${id}.*`);
    empty.hidden = rows.size > 0;
  }

  async function load() {
    const answer = await call('GET', accountPath('/conferences'));
    const seen = new Set(answer.data.map(item => item.id));
    for (const id of [...rows.keys()]) if (!seen.has(id)) drop(id);
    for (const item of answer.data) {
      if (rows.has(item.id)) {
        const entry = rows.get(item.id);
        entry.state = { ...entry.state, ...item, read_only: item._read_only || {}, fetched: Date.now() };
        render(entry);
      } else add(item);
    }
    empty.hidden = rows.size > 0;
  }

  attempt(load);
  const ticker = setInterval(() => rows.forEach(tick), 1000);
  const reloader = setInterval(() => load().catch(() => {}), REFRESH_MS);
  return () => {
    clearInterval(ticker);
    clearInterval(reloader);
    for (const id of [...rows.keys()]) drop(id);
  };
}
