# Sourced by ci/interop/run.sh: the assistant behind the edge with real Keycloak tokens (memory
# tools over MCP with the connector's token; the REST API with its own client's token), and MCP
# Inspector's CLI over STDIO. No token or secret is put on a command line or into the logs.
# ---------------------------------------------------------------------------------------------
# NAME METHOD URL AUTH_FILE BODY [HEADER...]: one request (AUTH_FILE: a file holding the
# Authorization header line, or empty); prints the status; body in $work/NAME.body, headers in
# $work/NAME.headers; one line per request in memory-rest.log.
http_call() {
    local name=$1 method=$2 url=$3 auth=$4 body=$5 h status
    shift 5
    local args=(-sS --max-time 20 "${CURL_TLS[@]}" -X "$method" -o "$work/$name.body" -D "$work/$name.headers"
                -w '%{http_code}' -H 'Accept: application/json, text/event-stream')
    [ -n "$auth" ] && args+=(-H "@$auth")
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    for h in "$@"; do args+=(-H "$h"); done
    status=$(curl "${args[@]}" "$url" 2>> "$work/memory-rest.log") || status=000
    echo "$name: $method ${url#"$SERVER_ORIGIN"} -> $status" >> "$work/memory-rest.log"
    echo "$status"
}

# TOKEN_FILE OUT: writes "Authorization: Bearer <token>" to OUT (mode 600).
auth_file() { (umask 077; printf 'Authorization: Bearer %s\n' "$(cat "$1")" > "$2"); }

has() { grep -qF -- "$2" "$work/$1.body"; }

RUN_TAG=$(random_secret | head -c 8)
run_memory_rest() {
    local fails=() s note="interop memory $RUN_TAG" rest_note="interop rest $RUN_TAG" session
    : > "$work/memory-rest.log"
    if [ ! -s "$work/token" ]; then
        record memory-rest FAIL "no token from the connector flow"; return
    fi
    auth_file "$work/token" "$work/mcp.auth"
    # Memory tools over MCP with the connector's Keycloak token (aud = the MCP resource).
    s=$(http_call init POST "$RESOURCE" "$work/mcp.auth" '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"interop-curl","version":"1"}}}')
    [ "$s" = 200 ] || fails+=("initialize $s")
    session=$(sed -n 's/^[Mm][Cc][Pp]-[Ss]ession-[Ii][Dd]: *//p' "$work/init.headers" | tr -d '\r')
    local hdr=("Mcp-Session-Id: $session" "MCP-Protocol-Version: 2025-11-25")
    s=$(http_call initialized POST "$RESOURCE" "$work/mcp.auth" '{"jsonrpc":"2.0","method":"notifications/initialized"}' "${hdr[@]}")
    [ "$s" = 202 ] || fails+=("notifications/initialized $s")
    s=$(http_call memory-add POST "$RESOURCE" "$work/mcp.auth" "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_add\",\"arguments\":{\"text\":\"$note\",\"tags\":[\"interop\"]}}}" "${hdr[@]}")
    { [ "$s" = 200 ] && has memory-add '"isError":false'; } || fails+=("memory_add $s")
    s=$(http_call memory-search POST "$RESOURCE" "$work/mcp.auth" "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_search\",\"arguments\":{\"query\":\"interop memory $RUN_TAG\"}}}" "${hdr[@]}")
    { [ "$s" = 200 ] && has memory-search "$note"; } || fails+=("memory_search $s (note not found)")
    # The same token at the REST API, a resource of its own: refused for its audience.
    s=$(http_call mcp-token-at-api GET "$API_RESOURCE/memories" "$work/mcp.auth" '')
    { [ "$s" = 401 ] && grep -qi 'error="invalid_token"' "$work/mcp-token-at-api.headers"; } \
        || fails+=("the /mcp token at /api got $s, not 401 invalid_token")
    # The REST API's own client: client credentials at Keycloak, aud = the API resource.
    (umask 077; printf 'grant_type=client_credentials&client_id=interop-rest&scope=mcp%%3Aread+mcp%%3Awrite&client_secret=%s' "$KC_REST_SECRET" \
        > "$work/rest-client.form")
    s=$(curl -sS --max-time 20 "${CURL_TLS[@]}" -o "$work/rest-token.json" -w '%{http_code}' \
        --data "@$work/rest-client.form" "$ISSUER/protocol/openid-connect/token" 2>> "$work/memory-rest.log") || s=000
    echo "rest-token: POST /realms/mcp/protocol/openid-connect/token (client_credentials, interop-rest) -> $s" >> "$work/memory-rest.log"
    (umask 077; "$NODE" -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).access_token || "")' \
        "$work/rest-token.json" > "$work/rest-token" 2>/dev/null) || true
    rm -f "$work/rest-token.json"
    if [ "$s" != 200 ] || [ ! -s "$work/rest-token" ]; then
        fails+=("client credentials token $s")
    else
        auth_file "$work/rest-token" "$work/rest.auth"
        s=$(http_call api-add POST "$API_RESOURCE/memories" "$work/rest.auth" "{\"text\":\"$rest_note\",\"tags\":[\"interop\"]}")
        [ "$s" = 201 ] || fails+=("POST /api/memories $s")
        s=$(http_call api-search GET "$API_RESOURCE/memories?q=interop" "$work/rest.auth" '')
        { [ "$s" = 200 ] && has api-search "$rest_note" && ! has api-search "$note"; } \
            || fails+=("GET /api/memories?q= $s (its own note missing, or the user's note visible)")
    fi
    rm -f "$work/mcp.auth" "$work/rest.auth" "$work/rest-client.form"
    if [ ${#fails[@]} -eq 0 ]; then
        record memory-rest PASS "memory_add and memory_search over MCP with the connector's Keycloak token; that token at /api: 401 invalid_token; the REST client's own token (client credentials, aud /api): POST /api/memories 201, GET ?q= finds its note and not the user's"
    else
        record memory-rest FAIL "$(IFS=';'; echo "${fails[*]}"); see memory-rest.log"
    fi
}

# ---------------------------------------------------------------------------------------------
# MCP Inspector's CLI over STDIO: the host spawns `java -jar mcp-auth-server.jar --stdio`
# (no OAuth on STDIO; the user comes from MCP_STDIO_SUBJECT), three times: tools/list,
# memory_add, then memory_search in a fresh process that must find the note on the same store.
STDIO_MS=
run_inspector_stdio() {
    local fails=() t0 note="stdio memory $RUN_TAG" rc java_bin
    java_bin=$(command -v java)
    : > "$work/inspector-stdio.log"
    t0=$(now_ms)
    stdio() { # NAME ARGS...: one CLI invocation over STDIO
        local name=$1; shift
        echo "== mcp-inspector --cli -e MCP_STDIO_SUBJECT=interop-stdio $* -- java -jar mcp-auth-server.jar --stdio" \
            >> "$work/inspector-stdio.log"
        (cd "$NODE_DIR" && HOME=$work/inspector-home PATH="$(dirname "$NODE"):$PATH" timeout 120 "$NODE" \
            node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js --cli --format json \
            -e MCP_STDIO_SUBJECT=interop-stdio -e MCP_STORE_H2_DIRECTORY="$work/stdio-store" "$@" \
            -- "$java_bin" -jar "$ROOT/$SERVER_JAR" --stdio < /dev/null \
            > "$work/inspector-stdio-$name.json" 2> "$work/inspector-stdio-$name.err")
        local code=$?
        echo "  exit $code; stderr: $(grep -c '' "$work/inspector-stdio-$name.err") lines (the server's logs)" \
            >> "$work/inspector-stdio.log"
        return $code
    }
    rc=0; stdio tools-list --method tools/list || rc=$?
    { [ $rc = 0 ] && grep -q '"memory_search"' "$work/inspector-stdio-tools-list.json"; } || fails+=("tools/list exit $rc")
    rc=0; stdio add --method tools/call --tool-name memory_add --tool-arg "text=$note" || rc=$?
    { [ $rc = 0 ] && grep -q '"isError":false' "$work/inspector-stdio-add.json"; } || fails+=("memory_add exit $rc")
    rc=0; stdio search --method tools/call --tool-name memory_search --tool-arg "query=$note" || rc=$?
    { [ $rc = 0 ] && grep -qF "$note" "$work/inspector-stdio-search.json"; } || fails+=("memory_search exit $rc (note not found)")
    STDIO_MS=$(( $(now_ms) - t0 ))
    if [ ${#fails[@]} -eq 0 ]; then
        record inspector-stdio PASS "Inspector $INSPECTOR_VERSION CLI over STDIO (java -jar mcp-auth-server.jar --stdio, MCP_STDIO_SUBJECT): tools/list, memory_add, and memory_search in a fresh process finds the note, in $(secs "$STDIO_MS")"
    else
        record inspector-stdio FAIL "Inspector $INSPECTOR_VERSION CLI over STDIO: $(IFS=';'; echo "${fails[*]}"); see inspector-stdio.log"
    fi
}
