#!/usr/bin/env bash
# A stand-in for the user's browser in the headless OAuth runs of ci/interop.sh.
#
#   fake-browser.sh AUTHORIZATION_URL
#
# Called the way a desktop client opens the system browser: by connector-flow.mjs directly, and
# by MCP Inspector through the BROWSER environment variable. It behaves like a user who logs in
# and clicks "Yes" on the consent screen:
#   - GET the URL; follow each redirect by hand (so every hop is logged);
#   - on Keycloak's login form (id="kc-form-login") POST the test user's credentials to its
#     action URL; on Keycloak's consent form (.../login-actions/consent) POST accept=Yes;
#   - keep cookies in a jar (FAKE_BROWSER_JAR), so a second authorization in the same run
#     reuses the SSO session and skips the login page, as a real browser would;
#   - stop at the first 2xx page that has none of those forms: normally the client's own
#     loopback callback, which has just received ?code=... (or ?error=...).
# Loopback only: it refuses any URL whose host is not 127.0.0.1 or localhost.
#
# Environment:
#   KC_TEST_USER, KC_TEST_PASSWORD  the end user's throwaway credentials (required)
#   FAKE_BROWSER_JAR                cookie jar file (default: a temporary file, one per call)
#   FAKE_BROWSER_LOG                hop log, appended (default: stderr). Query values are
#                                   redacted except for a fixed list of harmless parameters;
#                                   no code, state, session or credential reaches the log.
#   FAKE_BROWSER_CACERT             CA file for https hops (optional)
#   FAKE_BROWSER_LABEL              prefix for log lines (default: fake-browser)
# Exit: 0 when it reached a final page, 1 otherwise (error status, unknown page, too many hops).
set -euo pipefail

url=${1:?usage: fake-browser.sh AUTHORIZATION_URL}
: "${KC_TEST_USER:?KC_TEST_USER is not set}" "${KC_TEST_PASSWORD:?KC_TEST_PASSWORD is not set}"
label=${FAKE_BROWSER_LABEL:-fake-browser}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jar=${FAKE_BROWSER_JAR:-$tmp/jar}

log() {
    if [ -n "${FAKE_BROWSER_LOG:-}" ]; then echo "$label: $*" >> "$FAKE_BROWSER_LOG"; else echo "$label: $*" >&2; fi
}

# Parameters whose values are shown in the log; every other value becomes "…".
SHOWN='^(response_type|client_id|redirect_uri|scope|resource|code_challenge_method|execution|error|error_description|iss|prompt)$'
redact() {
    local u=$1 base query out= pair name
    base=${u%%\?*}
    [ "$base" = "$u" ] && { echo "$u"; return; }
    query=${u#*\?}
    IFS='&' read -r -a pairs <<< "$query"
    for pair in "${pairs[@]}"; do
        name=${pair%%=*}
        if [[ $name =~ $SHOWN ]]; then out+="&$pair"; else out+="&$name=…"; fi
    done
    echo "$base?${out#&}"
}

loopback_only() {
    case "$1" in
        http://127.0.0.1:*|http://localhost:*|https://127.0.0.1:*|https://localhost:*) ;;
        *) log "refusing non-loopback URL $(redact "$1")"; exit 1 ;;
    esac
}

origin_of() { echo "$1" | sed -E 's#^(https?://[^/]+).*#\1#'; }

# Resolves a Location or form action against the current URL (absolute, or absolute path).
resolve() {
    case "$2" in
        http://*|https://*) echo "$2" ;;
        /*) echo "$(origin_of "$1")$2" ;;
        *) echo "${1%/*}/$2" ;;
    esac
}

html_attr_decode() { sed -e 's/&amp;/\&/g' -e 's/&#x2F;/\//g' -e 's/&#47;/\//g' -e 's/&quot;/"/g'; }

curl_opts=(-s -S --max-time 20 --proto =http,https -c "$jar" -b "$jar" -D "$tmp/headers" -o "$tmp/body"
           -w '%{http_code}')
[ -n "${FAKE_BROWSER_CACERT:-}" ] && curl_opts+=(--cacert "$FAKE_BROWSER_CACERT")

method=GET
form=()
for hop in $(seq 1 12); do
    loopback_only "$url"
    if [ "$method" = GET ]; then
        status=$(curl "${curl_opts[@]}" "$url")
    else
        status=$(curl "${curl_opts[@]}" "${form[@]}" "$url")
    fi
    location=$(sed -n 's/^[Ll]ocation: *//p' "$tmp/headers" | tr -d '\r' | tail -n 1)
    log "$method $(redact "$url") -> $status"
    case "$status" in
        30[1237])
            [ -n "$location" ] || { log "redirect without Location"; exit 1; }
            url=$(resolve "$url" "$location")
            method=GET; form=()
            continue ;;
        2??) ;;
        *) log "stopped: HTTP $status"; exit 1 ;;
    esac
    if grep -q 'id="kc-form-login"' "$tmp/body"; then
        action=$(tr '\n' ' ' < "$tmp/body" | grep -o 'id="kc-form-login"[^>]*action="[^"]*"' \
                 | sed 's/.*action="//; s/"$//' | html_attr_decode)
        [ -n "$action" ] || { log "login form without action"; exit 1; }
        log "  login form: posting the test user's credentials"
        url=$(resolve "$url" "$action"); method=POST
        form=(--data-urlencode "username=$KC_TEST_USER" --data-urlencode "password=$KC_TEST_PASSWORD"
              --data-urlencode "credentialId=")
    elif grep -q 'login-actions/consent' "$tmp/body"; then
        action=$(grep -o 'action="[^"]*login-actions/consent[^"]*"' "$tmp/body" | head -n 1 \
                 | sed 's/^action="//; s/"$//' | html_attr_decode)
        code=$(grep -o 'name="code" value="[^"]*"' "$tmp/body" | head -n 1 | sed 's/.*value="//; s/"$//')
        granted=$(sed -n '/kc-oauth/,/<\/ul>/p' "$tmp/body" | sed -n 's/^ *\([A-Za-z].*[a-z]\) *$/\1/p' \
                  | grep -v '<' | paste -sd ',' -)
        log "  consent screen (${granted:-?}): accepting"
        url=$(resolve "$url" "$action"); method=POST
        form=(--data-urlencode "code=$code" --data-urlencode "accept=Yes")
    elif grep -qi 'kc-error-message\|We are sorry' "$tmp/body"; then
        log "stopped: Keycloak error page: $(grep -o 'kc-feedback-text">[^<]*' "$tmp/body" | sed 's/.*>//' | head -n 1)"
        exit 1
    else
        log "  final page reached"
        exit 0
    fi
done
log "stopped: too many hops"
exit 1
