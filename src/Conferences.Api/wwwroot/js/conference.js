// One conference, live: its state and participants from a read, then from the websocket's events; read again after
// every (re)subscription so that nothing missed while the socket was down stays wrong.
import { call, conferencePath } from './api.js';
import { live } from './socket.js';
import { h, attempt, formatDuration } from './dom.js';
import { Participants, participantRow } from './participants.js';
import { conferenceControls, participantButtons } from './controls.js';
import { sandboxAvailable, sandboxPanel, sandboxButtons } from './sandbox.js';

export function showConference(section, id) {
  const view = { locked: false, duration: 0, fetched: Date.now(), sandbox: false };
  const participants = new Participants();
  const title = h('h2', { id: 'conference-title' }, id);
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  const list = h('ul', { class: 'participants', 'aria-label': 'Participants' });
  const controls = conferenceControls(id, view);
  const side = h('div', { class: 'side' }, controls.panel);
  section.replaceChildren(
    h('div', { class: 'heading' }, title, h('a', { href: '#/' }, 'All conferences')),
    summary, h('div', { class: 'layout' }, h('div', { class: 'main' }, h('h3', {}, 'Participants'), list), side));

  function renderSummary() {
    const c = participants.counts();
    const running = c.participants > 0;
    const seconds = view.duration + (running ? (Date.now() - view.fetched) / 1000 : 0);
    const part = (key, text) => h('span', { dataset: { count: key } }, `${c[key]} ${text}`);
    summary.replaceChildren(
      h('span', { class: `badge ${view.locked ? 'locked' : 'open'}`, id: 'lock-state' }, view.locked ? 'locked' : 'unlocked'), ' ',
      part('participants', 'participants'), ' · ', part('moderators', 'moderators'), ' · ', part('muted', 'muted'), ' · ',
      part('deaf', 'deaf'), ' · ', part('talking', 'talking'), ' · ',
      h('span', { id: 'duration' }, running ? formatDuration(seconds) : 'not running'));
    controls.update();
  }

  function render() {
    const extra = p => (view.sandbox ? sandboxButtons(id, p) : []);
    const rows = participants.all.map(p => participantRow(p, q => participantButtons(id, q, extra)));
    const focused = document.activeElement?.getAttribute('aria-label');
    list.replaceChildren(...(rows.length ? rows : [h('li', { class: 'empty' }, 'Nobody is in the conference.')]));
    // keep the keyboard where it was when a row is drawn again
    if (focused) [...list.querySelectorAll('button')].find(b => b.getAttribute('aria-label') === focused)?.focus();
    renderSummary();
  }

  async function load() {
    const [conference, members] = await Promise.all([call('GET', conferencePath(id)), call('GET', conferencePath(id, '/participants'))]);
    title.textContent = conference.data.name || id;
    view.locked = conference.metadata?.is_locked ?? conference.data._read_only?.is_locked ?? false;
    view.duration = conference.metadata?.duration ?? 0;
    view.fetched = Date.now();
    participants.load(members.data);
    render();
  }

  function onEvent(event) {
    if (event.event === 'lock' || event.event === 'unlock') view.locked = event.event === 'lock';
    if (event.event === 'conference-create' || event.event === 'conference-destroy') { view.duration = 0; view.fetched = Date.now(); }
    if (event.event === 'conference-destroy') view.locked = false;
    participants.apply(event);
    render();
  }

  const binding = `conference.event.${id}.*`;
  attempt(async () => {
    view.sandbox = await sandboxAvailable();
    if (view.sandbox) side.append(sandboxPanel(id));
    await load();
    live.subscribe(binding, { onEvent, onSubscribed: () => load().catch(() => {}) });
  });
  const ticker = setInterval(renderSummary, 1000);
  return () => {
    clearInterval(ticker);
    live.unsubscribe(binding);
  };
}
