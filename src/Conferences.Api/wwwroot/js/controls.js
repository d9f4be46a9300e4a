// The conference-wide controls: lock/unlock, mute/unmute/kick everyone, play, record start/stop, dial endpoints.
import { call, conferencePath } from './api.js';
import { h, attempt } from './dom.js';

const action = (id, name, data) => call('PUT', conferencePath(id), data === undefined ? { action: name } : { action: name, data });
const bulk = (id, name) => call('PUT', conferencePath(id, '/participants'), { action: name });

function labelled(id, label, attributes = {}) {
  return [h('label', { for: id }, label), h('input', { id, name: id, ...attributes })];
}

export function conferenceControls(id, view) {
  const lock = h('button', { type: 'button', id: 'lock-toggle', onclick: e => attempt(() => action(id, view.locked ? 'unlock' : 'lock'), e.currentTarget) }, 'Lock');
  const recording = h('span', { id: 'recording', role: 'status' });
  const recordStart = h('button', { type: 'button', onclick: e => attempt(async () => {
    const answer = await action(id, 'record', { action: 'start' });
    recording.textContent = `recording to ${answer.metadata?.media_name ?? 'a new media'}`;
  }, e.currentTarget) }, 'Start recording');
  const recordStop = h('button', { type: 'button', onclick: e => attempt(async () => {
    await action(id, 'record', { action: 'stop' });
    recording.textContent = 'recording stopped';
  }, e.currentTarget) }, 'Stop recording');

  const play = h('form', { class: 'inline', onsubmit: e => { e.preventDefault(); attempt(() => action(id, 'play', { media_id: e.target.elements['play-media'].value.trim() }), e.submitter); } },
    ...labelled('play-media', 'Media to play', { value: 'tone_stream://%(200,0,500,600,700)' }), h('button', { type: 'submit' }, 'Play to everyone'));

  const dial = h('form', { id: 'dial-form', onsubmit: e => {
    e.preventDefault();
    const f = e.target.elements;
    const data = { endpoints: f['dial-endpoints'].value.split(/[\s,]+/).filter(Boolean) };
    if (f['dial-caller-name'].value.trim()) data.caller_id_name = f['dial-caller-name'].value.trim();
    if (f['dial-caller-number'].value.trim()) data.caller_id_number = f['dial-caller-number'].value.trim();
    if (f['dial-moderator'].checked) data.participant_flags = ['is_moderator'];
    attempt(async () => {
      const answer = await action(id, 'dial', data);
      const failed = (answer.data?.endpoint_responses || []).filter(r => r.status !== 'success');
      if (failed.length) throw new Error(`dial: ${failed.map(r => r.message || r.status).join('; ')}`);
      e.target.reset();
    }, e.submitter);
  } },
  h('h3', {}, 'Dial'),
  ...labelled('dial-endpoints', 'Endpoints (SIP URIs or device/user ids, separated by spaces or commas)', { required: true, placeholder: 'sip:alice@example.com' }),
  ...labelled('dial-caller-name', 'Caller id name'),
  ...labelled('dial-caller-number', 'Caller id number'),
  h('label', {}, h('input', { type: 'checkbox', id: 'dial-moderator', name: 'dial-moderator' }), ' join as moderators'),
  h('button', { type: 'submit' }, 'Dial'));

  const everyone = name => h('button', { type: 'button', onclick: e => attempt(() => bulk(id, name.split(' ')[0]), e.currentTarget) }, name.replace(/^(\w+)/, s => s[0].toUpperCase() + s.slice(1)));
  const panel = h('div', { class: 'controls', role: 'group', 'aria-label': 'Conference controls' },
    h('div', { class: 'row' }, lock, everyone('mute everyone'), everyone('unmute everyone'), everyone('kick everyone')),
    h('div', { class: 'row' }, recordStart, recordStop, recording),
    play, dial);
  return {
    panel,
    update() {
      lock.textContent = view.locked ? 'Unlock' : 'Lock';
      lock.setAttribute('aria-pressed', String(view.locked));
    },
  };
}

/** The buttons of one participant: mute/unmute, deaf/undeaf, play, kick (PUT …/participants/{id}). */
export function participantButtons(id, p, extra) {
  const run = (name, data) => e => attempt(() => call('PUT', conferencePath(id, `/participants/${p.id}`), data ? { action: name, data } : { action: name }), e.currentTarget);
  const media = () => document.getElementById('play-media')?.value.trim() || 'tone_stream://%(200,0,500,600,700)';
  return [
    h('button', { type: 'button', 'aria-label': `${p.muted ? 'Unmute' : 'Mute'} ${p.name}`, onclick: run(p.muted ? 'unmute' : 'mute') }, p.muted ? 'Unmute' : 'Mute'),
    h('button', { type: 'button', 'aria-label': `${p.deaf ? 'Undeaf' : 'Deaf'} ${p.name}`, onclick: run(p.deaf ? 'undeaf' : 'deaf') }, p.deaf ? 'Undeaf' : 'Deaf'),
    h('button', { type: 'button', 'aria-label': `Play to ${p.name}`, onclick: e => run('play', { media_id: media() })(e) }, 'Play'),
    h('button', { type: 'button', 'aria-label': `Kick ${p.name}`, onclick: run('kick') }, 'Kick'),
    ...extra(p),
  ];
}
