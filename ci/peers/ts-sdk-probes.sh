#!/usr/bin/env bash
# Cross-checks, with plain curl, the findings in reports/peers/ts-sdk-1.32.2/README.md against the running TS SDK
# example, including what the suite cannot reach in operator-token mode. Called by ts-sdk.sh
# while the example runs; prints a Markdown table (tokens shown as <token>, never in clear).
#
#   ts-sdk-probes.sh RESOURCE TOKEN_FILE LOW_TOKEN_FILE OTHER_AUDIENCE_TOKEN_FILE EXAMPLE_LOG
#
# TOKEN_FILE: the baseline token; LOW_TOKEN_FILE: a no-scope token of another registered client;
# OTHER_AUDIENCE_TOKEN_FILE: a token the same demo AS issued for https://other.example/mcp;
# EXAMPLE_LOG: the example's stdout and stderr so far (for the token-in-log count, RS-76).
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 RESOURCE TOKEN_FILE LOW_TOKEN_FILE OTHER_AUDIENCE_TOKEN_FILE EXAMPLE_LOG" >&2; exit 2; }
url=$1
token=$(cat "$2")
low=$(cat "$3")
other=$(cat "$4")
log=$5
json=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"ts-sdk-probes","version":"1"}}}'

hide() { sed -e "s/$token/<token>/g" -e "s/$low/<low-token>/g" -e "s/$other/<other-audience-token>/g"; }

# Status line plus the headers that matter, on one line.
observe() {
    curl -s -o /dev/null -D - --max-time 5 "$@" | tr -d '\r' \
        | grep -i '^HTTP/\|^www-authenticate:\|^access-control-\|^allow:' \
        | sed 's/^HTTP\/[0-9.]* \([0-9]*\).*/\1/' | paste -sd ';' | sed 's/;/; /g' | hide
}

row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(echo "$4" | sed 's/|/\\|/g')"; }

echo "| Probe | Row | Spec expects | Observed (status; headers) |"
echo "|---|---|---|---|"
row "POST initialize, no Authorization" "RS-19, RS-20" "401, Bearer challenge without \`error\`; \`scope\` SHOULD (2025-11-25)" \
    "$(observe -X POST "${json[@]}" -d "$init" "$url")"
row "\`Authorization: Bearer nope\`" "RS-33" "401 \`invalid_token\`" \
    "$(observe -X POST "${json[@]}" -H 'Authorization: Bearer nope' -d "$init" "$url")"
row "\`Bearer <token> garbage\` (a space inside the credential)" "RS-29" "400 or 401" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $token garbage" -d "$init" "$url")"
row "\`Bearer  <token>\` (two spaces)" "RS-31" "200 (1*SP is valid)" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer  $token" -d "$init" "$url")"
row "two Authorization lines: \`Bearer <token>\`, then \`Bearer nope\`" "RS-30" "400 \`invalid_request\` (401 accepted), never 200" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $token" -H 'Authorization: Bearer nope' -d "$init" "$url")"
row "good token, \`Origin: https://evil.test\`" "RS-67" "403 (2025-11-25); not 2xx (2025-06-18)" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $token" -H 'Origin: https://evil.test' -d "$init" "$url")"
row "good token, \`Host: evil.test\` (DNS rebinding)" "(context)" "refused" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $token" -H 'Host: evil.test' -d "$init" "$url")"
row "token the same AS issued for \`resource=https://other.example/mcp\`" "RS-53" "401 \`invalid_token\`" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $other" -d "$init" "$url")"

# Session of client A, then the same session id with client B's token.
sid=$(curl -s -o /dev/null -D - --max-time 5 -X POST "${json[@]}" -H "Authorization: Bearer $token" -d "$init" "$url" \
    | tr -d '\r' | sed -n 's/^mcp-session-id: //Ip')
curl -s -o /dev/null --max-time 5 -X POST "${json[@]}" -H "Authorization: Bearer $token" -H "Mcp-Session-Id: $sid" \
    -H 'MCP-Protocol-Version: 2025-11-25' -d '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$url"
row "session opened by client A, \`tools/list\` in it with client B's token" "RS-69" "rejected (403 or 404)" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $low" -H "Mcp-Session-Id: $sid" \
        -H 'MCP-Protocol-Version: 2025-11-25' -d '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' "$url")"
row "token with no scope at all, \`tools/call greet\`" "RS-62 (context)" "the server decides which scopes a call needs" \
    "$(observe -X POST "${json[@]}" -H "Authorization: Bearer $low" -H "Mcp-Session-Id: $sid" \
        -H 'MCP-Protocol-Version: 2025-11-25' \
        -d '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"greet","arguments":{"name":"probe"}}}' "$url")"
row "CORS preflight \`OPTIONS\` from \`http://localhost:5173\`" "RS-73, RS-14" "2xx with \`Access-Control-Allow-*\` (INFO)" \
    "$(observe -X OPTIONS -H 'Origin: http://localhost:5173' -H 'Access-Control-Request-Method: POST' \
        -H 'Access-Control-Request-Headers: authorization, content-type' "$url")"
row "POST without token from \`http://localhost:5173\`" "RS-14" "\`Access-Control-Expose-Headers: WWW-Authenticate\` (INFO)" \
    "$(observe -X POST "${json[@]}" -H 'Origin: http://localhost:5173' -d "$init" "$url" | sed 's/\(www-authenticate\): [^;]*/\1: …/I')"
big=$(head -c 32768 /dev/zero | tr '\0' 'a')
row "64 KB token, 3 times" "RS-75" "431, 413, 400 or 401; no 5xx, no hang" \
    "$(for _ in 1 2 3; do observe -X POST "${json[@]}" -H "Authorization: Bearer $big$big" -d "$init" "$url"; done | paste -sd ' ')"
row "the baseline token in the example's own log (grey box)" "RS-76" "0 occurrences" \
    "$(grep -cF "$token" "$log" || true) lines of the example's stdout contain the whole token"
