#!/usr/bin/env bash
# Replays the request sequences of Monster UI (its SDK and conference viewer) and of the PHP SDK against a running
# service, printing each request and answer (docs/clients.md records one such session).
#   tools/client-session/replay.sh API_KEY [BASE_URL]
# BASE_URL defaults to http://127.0.0.1:8000 (the README's run command). Needs curl, python3 and node ≥ 20.
set -euo pipefail
key="${1:?usage: $0 API_KEY [BASE_URL]}"
base="${2:-http://127.0.0.1:8000}"
here="$(cd "$(dirname "$0")" && pwd)"
ui='{"version":"4.3-58","ui":"monster-ui","origin":"voip"}'
pretty() { python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), indent=1)[:1800])' 2>/dev/null || cat; }
show() { # METHOD PATH [BODY]: one request as the SDK sends it (Content-Type and X-Auth-Token on every verb)
  local method="$1" path="$2" body="${3:-}"
  echo "\$ $method $path${body:+ $body}"
  curl -s -i -X "$method" "$base$path" -H 'Content-Type: application/json' -H "X-Auth-Token: ${token:-}" \
    -H 'Origin: https://monster.example.com' ${body:+-d "$body"} >/tmp/replay.answer
  sed -n '1p' /tmp/replay.answer | tr -d '\r'
  grep -i -E '^(content-type|location|etag):' /tmp/replay.answer | tr -d '\r'
  sed '1,/^\r$/d' /tmp/replay.answer | pretty
  echo
}
field() { python3 -c "import json,sys; d=json.load(open('/tmp/replay.body')); print(eval('d'+sys.argv[1]))" "$1"; }

echo "## api_auth"
curl -s -X PUT "$base/v2/api_auth" -H 'Content-Type: application/json' -d "{\"data\":{\"api_key\":\"$key\"}}" >/tmp/replay.body
token="$(field '["auth_token"]')"; account="$(field '["data"]["account_id"]')"
echo "account $account, token ${token:0:16}…"; echo
c="/v2/accounts/$account/conferences"

echo "## Monster UI SDK: pre-flight, create with ui_metadata, list and get with _=, update by POSTing the fetched document"
echo "\$ OPTIONS $c (pre-flight of PUT)"
curl -s -i -X OPTIONS "$base$c" -H 'Origin: https://monster.example.com' -H 'Access-Control-Request-Method: PUT' \
  -H 'Access-Control-Request-Headers: content-type,x-auth-token' | tr -d '\r' | grep -i -E '^(HTTP|access-control)'
echo
show PUT "$c" "{\"data\":{\"name\":\"Weekly\",\"member\":{\"pins\":[\"1234\"]},\"ui_metadata\":$ui}}"
conf="$(sed '1,/^\r$/d' /tmp/replay.answer | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')"
show GET "$c?_=1764000000001"
show GET "$c/$conf?_=1764000000002"
fetched="$(sed '1,/^\r$/d' /tmp/replay.answer | python3 -c "import json,sys; d=json.load(sys.stdin)['data']; d['name']='Weekly sync'; d['ui_metadata']=json.loads('$ui'); print(json.dumps({'data':d}))")"
show POST "$c/$conf" "$fetched"

echo "## Monster UI conference viewer: websocket subscription, dial, participants, mute, lock, kick"
node --experimental-websocket --no-warnings "$here/ws-watch.mjs" "${base/http/ws}/ws" "$token" "$account" "conference.event.*.$conf.*" 6 >/tmp/replay.frames &
watcher=$!
sleep 1
show PUT "$c/$conf" "{\"data\":{\"action\":\"dial\",\"data\":{\"endpoints\":[\"sip:alice@example.com\",\"sip:busy@example.com\"],\"caller_id_name\":\"Weekly\"},\"ui_metadata\":$ui}}"
sleep 0.5
show GET "$c/$conf/participants?_=1764000000003"
pid="$(sed '1,/^\r$/d' /tmp/replay.answer | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["participant_id"])')"
show PUT "$c/$conf/participants/$pid" "{\"data\":{\"action\":\"mute\",\"ui_metadata\":$ui}}"
show PUT "$c/$conf" "{\"data\":{\"action\":\"lock\",\"ui_metadata\":$ui}}"
sleep 0.5
show GET "$c/$conf?_=1764000000004"
show PUT "$c/$conf/participants" "{\"data\":{\"action\":\"kick\",\"ui_metadata\":$ui}}"
wait "$watcher" || true
echo "\$ websocket frames (subscribe reply first):"
cat /tmp/replay.frames
echo
show DELETE "$c/$conf" "{\"data\":{\"ui_metadata\":$ui}}"

echo "## PHP SDK: create with a trailing slash, PATCH the whole document, flat dial"
show PUT "$c/" '{"data":{"name":"Board","conference_numbers":["5550123"]}}'
doc="$(sed '1,/^\r$/d' /tmp/replay.answer | python3 -c "import json,sys; d=json.load(sys.stdin)['data']; d['name']='Board room'; print(json.dumps({'data':d}))")"
board="$(sed '1,/^\r$/d' /tmp/replay.answer | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')"
show PATCH "$c/$board/" "$doc"
show PUT "$c/$board" '{"action":"dial","data":{"endpoints":["sip:php@example.com"],"timeout":5}}'
