// Subscribes to Blackhole-style conference events the way Monster UI's monster.socket.js does and prints every
// frame received, one JSON document per line, for `seconds` seconds.
// usage: node --experimental-websocket ws-watch.mjs URL TOKEN ACCOUNT_ID BINDING SECONDS
const [url, token, accountId, binding, seconds] = process.argv.slice(2);
const socket = new WebSocket(url);
socket.addEventListener('open', () => {
  socket.send(JSON.stringify({
    action: 'subscribe', auth_token: token, request_id: 'monster-viewer-1',
    data: { account_id: accountId, binding },
  }));
});
socket.addEventListener('message', (event) => console.log(event.data));
socket.addEventListener('error', (event) => console.error('websocket error', event.message ?? ''));
setTimeout(() => { socket.close(1000, 'done'); process.exit(0); }, Number(seconds) * 1000);
