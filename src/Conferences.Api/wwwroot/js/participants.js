// A conference's participants as the websocket reports them: an event's conference_channel_vars replace the member's,
// add-member adds one (joined at the event's arrival until a read says when), del-member removes one.
import { h, fromGregorian, formatTime } from './dom.js';

export class Participants {
  constructor() { this.byId = new Map(); }

  /** the list from GET …/participants (or _read_only.participants) */
  load(list) {
    this.byId = new Map(list.map(p => [String(p.participant_id), normalise(p)]));
  }

  /** applies one event frame's data; answers whether anything changed */
  apply(event) {
    const id = event.participant_id === undefined ? null : String(event.participant_id);
    switch (event.event) {
      case 'conference-destroy': this.byId.clear(); return true;
      case 'del-member': return id !== null && this.byId.delete(id);
      case 'add-member': case 'mute-member': case 'unmute-member': case 'deaf-member': case 'undeaf-member':
      case 'start-talking': case 'stop-talking': {
        if (id === null) return false;
        const known = this.byId.get(id);
        const next = normalise({ ...known?.raw, ...event, join_time: known?.raw.join_time });
        if (!known) next.joined = new Date();
        else next.joined = known.joined;
        this.byId.set(id, next);
        return true;
      }
      default: return false;
    }
  }

  get all() { return [...this.byId.values()].sort((a, b) => a.id - b.id); }

  counts() {
    const all = this.all;
    return {
      participants: all.length,
      moderators: all.filter(p => p.moderator).length,
      muted: all.filter(p => p.muted).length,
      deaf: all.filter(p => p.deaf).length,
      talking: all.filter(p => p.talking).length,
    };
  }
}

function normalise(raw) {
  const vars = raw.conference_channel_vars || raw;
  return {
    raw,
    id: Number(raw.participant_id),
    callId: raw.call_id,
    name: raw.caller_id_name || raw.caller_id_number || raw.call_id,
    number: raw.caller_id_number || '',
    moderator: vars.is_moderator === true,
    muted: vars.speak === false,
    deaf: vars.hear === false,
    talking: vars.talking === true,
    joined: raw.join_time ? fromGregorian(raw.join_time) : new Date(),
  };
}

const badge = (on, text, kind) => on ? h('span', { class: `badge ${kind}`, dataset: { badge: kind } }, text) : null;

/** One participant's row: badges, join time and the buttons `buttons(p)` gives. */
export function participantRow(p, buttons) {
  return h('li', { class: 'participant', dataset: { participantId: String(p.id) }, 'aria-label': `Participant ${p.name}` },
    h('div', { class: 'who' },
      h('strong', {}, p.name), p.number && p.number !== p.name ? h('span', { class: 'number' }, ` ${p.number}`) : null,
      h('span', { class: 'joined' }, ` joined ${formatTime(p.joined)}`)),
    h('div', { class: 'badges' },
      badge(p.moderator, 'moderator', 'moderator'), badge(p.talking, 'talking', 'talking'),
      badge(p.muted, 'muted', 'muted'), badge(p.deaf, 'deaf', 'deaf')),
    h('div', { class: 'buttons' }, buttons(p)));
}
