// The Blackhole websocket as Monster UI's monster.socket.js speaks it: subscribe frames with auth_token and
// request_id, replies matched by request_id, event frames routed by subscribed_key. A dropped socket is opened again
// (with back-off) and every binding subscribed again; each binding's `resubscribed` callback then lets its view reload
// what it may have missed.
import { session } from './session.js';

const PING_INTERVAL_MS = 30000;
let socket = null;
let connections = 0;
let retryDelay = 500;
let retryTimer = null;
let pingTimer = null;
let nextRequest = 1;
const bindings = new Map(); // binding → { onEvent, onSubscribed }
const pending = new Map(); // request_id → binding

function setStatus(state) {
  document.body.dataset.socket = state;
  document.body.dataset.socketConnections = String(connections);
  const label = document.getElementById('socket-status');
  if (label) label.textContent = { live: 'live', connecting: 'connecting…', closed: 'offline' }[state];
}

function send(frame) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function subscribeFrame(binding) {
  const requestId = `console-${nextRequest++}`;
  pending.set(requestId, binding);
  send({ action: 'subscribe', auth_token: session.token, request_id: requestId, data: { account_id: session.accountId, binding } });
}

function onMessage(message) {
  let frame;
  try { frame = JSON.parse(message.data); } catch { return; }
  if (frame.action === 'reply') {
    const binding = pending.get(frame.request_id);
    pending.delete(frame.request_id);
    if (!binding || !bindings.has(binding)) return;
    if (frame.status === 'success') bindings.get(binding).onSubscribed?.();
    else bindings.get(binding).onError?.(new Error((frame.data?.errors || ['subscription refused']).join('; ')));
  } else if (frame.action === 'event') {
    bindings.get(frame.subscribed_key)?.onEvent(frame.data, frame);
  }
}

function connect() {
  if (!session.token || socket) return;
  clearTimeout(retryTimer);
  setStatus('connecting');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const opened = new WebSocket(`${scheme}://${location.host}/ws`);
  socket = opened;
  opened.onopen = () => {
    connections += 1;
    retryDelay = 500;
    setStatus('live');
    for (const binding of bindings.keys()) subscribeFrame(binding);
    pingTimer = setInterval(() => send({ action: 'ping', request_id: `console-ping-${nextRequest++}` }), PING_INTERVAL_MS);
  };
  opened.onmessage = onMessage;
  opened.onclose = () => {
    clearInterval(pingTimer);
    if (socket !== opened) return;
    socket = null;
    pending.clear();
    setStatus('closed');
    if (session.token) {
      retryTimer = setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 5000);
    }
  };
}

export const live = {
  /** Opens the socket (once signed in) even before anything is subscribed, so the page shows whether events flow. */
  open() { connect(); },
  /** Events of `binding` go to onEvent(data); onSubscribed runs after every (re)subscription. */
  subscribe(binding, handlers) {
    bindings.set(binding, handlers);
    if (socket?.readyState === WebSocket.OPEN) subscribeFrame(binding);
    else connect();
  },
  unsubscribe(binding) {
    if (!bindings.delete(binding)) return;
    send({ action: 'unsubscribe', auth_token: session.token, request_id: `console-${nextRequest++}`, data: { account_id: session.accountId, binding } });
  },
  /** Signs out or changes account: every binding goes, and the socket with them. */
  reset() {
    bindings.clear();
    pending.clear();
    clearTimeout(retryTimer);
    const closing = socket;
    socket = null;
    closing?.close(1000, 'signed out');
    setStatus('closed');
  },
};
