// The flow a Claude connector runs against a remote MCP server, driven headlessly with the
// official TypeScript SDK client (@modelcontextprotocol/sdk 1.32.x) against a real
// authorization server (Keycloak), with a scripted user in a fake browser.
//
//   node connector-flow.mjs --server URL --fake-browser PATH --trace FILE
//                           [--token-out FILE] [--cookie-jar FILE]
//
// What it does, and checks (exit 1 when any check fails):
//   1. connect: unauthenticated `initialize` -> 401 with a Bearer challenge -> the SDK fetches
//      the protected resource metadata (RFC 9728) named in `resource_metadata` -> authorization
//      server metadata (RFC 8414) -> dynamic client registration (RFC 7591) -> authorization
//      request with PKCE S256, state, scope and `resource` (RFC 8707), "opened" in the fake
//      browser, which logs in and consents -> our loopback callback receives the code -> token
//      request with the verifier and `resource` -> `initialize` again with the token;
//   2. `tools/list`, `tools/call whoami` with that read-only grant;
//   3. step-up: `tools/call server_status` -> 403 `insufficient_scope` naming mcp:admin -> the
//      SDK re-authorizes for mcp:admin -> the call is retried and succeeds;
//   4. DELETE of the session.
// Every HTTP exchange the SDK makes and every browser hop goes to --trace as one line: method,
// URL, status, the WWW-Authenticate header, and what was asked (JSON-RPC method, grant type,
// scope, resource). Tokens, codes, verifiers, state and registration secrets are never written:
// a bearer token appears only as `fp=` + the first 12 hex digits of its SHA-256, the same
// fingerprint the server's decision log uses; token claims (iss, aud, scope, azp) are shown.
// --token-out writes the final access token (mode 0600) for the token-adding proxy.
// Stdout: one JSON summary. Loopback only.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
    options: {
        server: { type: 'string' },
        'fake-browser': { type: 'string' },
        trace: { type: 'string' },
        'token-out': { type: 'string' },
        'cookie-jar': { type: 'string' },
    },
});
if (!opts.server || !opts['fake-browser'] || !opts.trace) {
    console.error('usage: node connector-flow.mjs --server URL --fake-browser PATH --trace FILE [--token-out FILE] [--cookie-jar FILE]');
    process.exit(2);
}

const serverUrl = loopbackOnly(opts.server);
const t0 = performance.now();
const ms = () => Math.round(performance.now() - t0);
writeFileSync(opts.trace, '');
const trace = (line) => appendFileSync(opts.trace, `${String(ms()).padStart(6)} ms  ${line}\n`);

const checks = [];
function check(name, ok, detail = '') {
    checks.push({ name, ok: !!ok, detail });
    trace(`CHECK ${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
    return ok;
}

function loopbackOnly(url) {
    const u = new URL(url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`refusing non-loopback URL ${u.origin}`);
    return u;
}
const fingerprint = (token) => createHash('sha256').update(token).digest('hex').slice(0, 12);

function claimsOf(jwt) {
    try {
        const [h, p] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
        return { typ: h.typ, alg: h.alg, iss: p.iss, aud: p.aud, scope: p.scope, azp: p.azp, lifetime_s: p.exp - p.iat };
    } catch {
        return { opaque: true };
    }
}

// ---- every HTTP request of the SDK goes through here -------------------------------------
const exchanges = [];
async function tracingFetch(input, init = {}) {
    const u = loopbackOnly(input instanceof Request ? input.url : input);
    const method = init.method ?? (input instanceof Request ? input.method : 'GET');
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const asked = [];
    const authz = headers.get('authorization');
    if (authz) {
        const [scheme, token] = authz.split(' ');
        asked.push(`Authorization: ${scheme} fp=${token ? fingerprint(token) : '-'}`);
    }
    let rpc;
    if (typeof init.body === 'string' && u.pathname === serverUrl.pathname) {
        try {
            const msg = JSON.parse(init.body);
            rpc = msg.method + (msg.params?.name ? ` ${msg.params.name}` : '');
            asked.push(`jsonrpc=${rpc}`);
        } catch { /* not JSON */ }
    }
    if (init.body instanceof URLSearchParams) {
        const b = init.body;
        for (const name of ['grant_type', 'scope', 'resource', 'redirect_uri', 'client_id']) {
            if (b.has(name)) asked.push(`${name}=${b.get(name)}`);
        }
        for (const name of ['code', 'code_verifier', 'refresh_token']) if (b.has(name)) asked.push(`${name}=…`);
    } else if (typeof init.body === 'string' && u.pathname.endsWith('/clients-registrations/openid-connect')) {
        const b = JSON.parse(init.body);
        asked.push(`scope=${b.scope ?? ''}`, `grant_types=${(b.grant_types ?? []).join(',')}`,
            `redirect_uris=${(b.redirect_uris ?? []).join(',')}`, `token_endpoint_auth_method=${b.token_endpoint_auth_method}`);
    }
    const res = await fetch(input, init);
    const www = res.headers.get('www-authenticate');
    const entry = { t: ms(), method, url: u.href, rpc, status: res.status, www, bearer: !!authz };
    exchanges.push(entry);
    let answered = '';
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('application/json') && u.pathname !== serverUrl.pathname) {
        try {
            const body = await res.clone().json();
            if (body.client_id && body.redirect_uris) {
                answered = ` client_id=${body.client_id} scope=${body.scope ?? ''}`;
                entry.clientId = body.client_id;
            }
            if (body.access_token) {
                entry.claims = claimsOf(body.access_token);
                answered = ` token fp=${fingerprint(body.access_token)} claims=${JSON.stringify(entry.claims)}` +
                    ` refresh_token=${body.refresh_token ? 'yes' : 'no'}`;
            }
            if (body.error) answered = ` error=${body.error}`;
        } catch { /* not JSON after all */ }
    }
    const mcpVersion = u.pathname === serverUrl.pathname ? res.headers.get('mcp-protocol-version') : null;
    trace(`${method} ${u.href}${asked.length ? ` [${asked.join(' ')}]` : ''} -> ${res.status}` +
        `${www ? `  WWW-Authenticate: ${www}` : ''}${answered}${mcpVersion ? `  MCP-Protocol-Version: ${mcpVersion}` : ''}`);
    return res;
}

// ---- the loopback callback, as a desktop connector serves it -----------------------------
let waiting;
const callbackServer = http.createServer((req, res) => {
    const q = new URL(req.url, 'http://127.0.0.1').searchParams;
    if (!req.url.startsWith('/callback')) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>done</title><p>Authorization finished; you can close this window.</p>');
    waiting?.({ code: q.get('code'), state: q.get('state'), error: q.get('error'), errorDescription: q.get('error_description'), iss: q.get('iss') });
});
await new Promise((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
const REDIRECT_URI = `http://127.0.0.1:${callbackServer.address().port}/callback`;

function openBrowser(url) {
    return new Promise((resolve) => {
        const child = spawn(opts['fake-browser'], [url.href], {
            env: { ...process.env, FAKE_BROWSER_LOG: '', FAKE_BROWSER_LABEL: 'browser', ...(opts['cookie-jar'] ? { FAKE_BROWSER_JAR: opts['cookie-jar'] } : {}) },
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        child.stderr.on('data', (d) => { err += d; });
        child.on('close', (code) => {
            for (const line of err.split('\n').filter(Boolean)) trace(`  ${line}`);
            resolve(code);
        });
    });
}

// ---- the OAuthClientProvider of a connector (in memory; one user, one server) -------------
class ConnectorProvider {
    constructor() {
        this.client = undefined; this.tokenSet = undefined; this.verifier = undefined; this.discovery = undefined;
        this.expectedState = undefined; this.pendingCode = undefined; this.authError = undefined; this.authorizations = [];
    }
    get redirectUrl() { return REDIRECT_URI; }
    get clientMetadata() {
        // authorization_code only: no refresh token is issued, see the step-up note in the README.
        return {
            client_name: 'mcp-auth interop connector (TS SDK)',
            redirect_uris: [REDIRECT_URI],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none',
        };
    }
    state() { this.expectedState = randomBytes(16).toString('base64url'); return this.expectedState; }
    clientInformation() { return this.client; }
    saveClientInformation(info) { this.client = info; trace(`  (client registered: client_id=${info.client_id})`); }
    tokens() { return this.tokenSet; }
    saveTokens(tokens) { this.tokenSet = tokens; }
    saveCodeVerifier(v) { this.verifier = v; }
    codeVerifier() { return this.verifier; }
    discoveryState() { return this.discovery; }
    saveDiscoveryState(state) { this.discovery = state; }
    invalidateCredentials(what) {
        trace(`  (client discards its stored ${what === 'client' ? 'client registration' : what})`);
        if (what === 'all' || what === 'client') this.client = undefined;
        if (what === 'all' || what === 'tokens') this.tokenSet = undefined;
        if (what === 'all' || what === 'verifier') this.verifier = undefined;
        if (what === 'all' || what === 'discovery') this.discovery = undefined;
    }
    async redirectToAuthorization(url) {
        const p = url.searchParams;
        const record = {
            params: [...p.keys()], scope: p.get('scope'), resource: p.get('resource'),
            method: p.get('code_challenge_method'), hasChallenge: !!p.get('code_challenge'), state: !!p.get('state'),
        };
        this.authorizations.push(record);
        trace(`AUTHORIZE ${url.origin}${url.pathname} params=${record.params.join(',')} scope=${record.scope} ` +
            `resource=${record.resource} code_challenge_method=${record.method} (opening the browser)`);
        const delivered = new Promise((resolve) => { waiting = resolve; });
        const browserExit = await openBrowser(url);
        const cb = await Promise.race([delivered, new Promise((r) => setTimeout(() => r(undefined), 2000))]);
        waiting = undefined;
        this.pendingCode = undefined; this.authError = undefined;
        if (!cb) throw new Error(`the browser finished (exit ${browserExit}) without reaching the callback`);
        if (cb.state !== this.expectedState) throw new Error('state mismatch on the callback');
        record.iss = cb.iss;
        if (cb.error) {
            this.authError = { error: cb.error, description: cb.errorDescription };
            trace(`  callback: error=${cb.error} error_description=${cb.errorDescription} iss=${cb.iss}`);
            return;
        }
        this.pendingCode = cb.code;
        trace(`  callback: code=… state=ok iss=${cb.iss}`);
    }
    takeCode() {
        const code = this.pendingCode;
        this.pendingCode = undefined;
        if (!code) throw new Error(`no authorization code${this.authError ? `: ${this.authError.error} ${this.authError.description}` : ''}`);
        return code;
    }
}

const provider = new ConnectorProvider();
let client, transport;
function newConnection() {
    client = new Client({ name: 'mcp-auth-interop-connector', version: '1.0.0' });
    transport = new StreamableHTTPClientTransport(serverUrl, { authProvider: provider, fetch: tracingFetch });
}
const textOf = (result) => (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
const summary = { redirect_uri: REDIRECT_URI, notes: [] };

async function main() {
    // 1. Connect: the unauthenticated initialize gets the 401 that starts discovery.
    trace(`== connect to ${serverUrl.href} (no token yet)`);
    newConnection();
    try {
        await client.connect(transport);
        check('unauthenticated initialize is refused', false, 'connect succeeded without a token');
    } catch (e) {
        if (!(e instanceof UnauthorizedError)) throw e;
        trace('  (connect -> UnauthorizedError: the browser has been sent to the authorization server; finishing with the code)');
        await transport.finishAuth(provider.takeCode());
        newConnection();
        await client.connect(transport);
    }
    const first = exchanges[0];
    check('first request: initialize without a token -> 401 Bearer challenge with resource_metadata',
        first?.rpc === 'initialize' && !first.bearer && first.status === 401 && /^Bearer /.test(first.www ?? '') && /resource_metadata="/.test(first.www ?? ''),
        first ? `${first.status} ${first.www}` : 'no request');
    const prmUrl = /resource_metadata="([^"]+)"/.exec(first?.www ?? '')?.[1];
    check('PRM fetched from the resource_metadata URL', exchanges.some((x) => x.url === prmUrl && x.status === 200), prmUrl);
    check('authorization server metadata fetched', exchanges.some((x) => /\.well-known\/(oauth-authorization-server|openid-configuration)/.test(x.url) && x.status === 200));
    check('dynamic client registration -> 201', exchanges.some((x) => x.url.endsWith('/clients-registrations/openid-connect') && x.status === 201));
    const a1 = provider.authorizations[0];
    check('authorization request: PKCE S256, state, scope and resource', a1 && a1.method === 'S256' && a1.hasChallenge && a1.state && a1.scope && a1.resource === serverUrl.href,
        a1 ? `scope=${a1.scope} resource=${a1.resource}` : 'none');
    const tok1 = exchanges.find((x) => x.claims);
    check('token: 200, aud contains the resource, scope read-only', tok1 && tok1.status === 200
        && [].concat(tok1.claims.aud).includes(serverUrl.href) && /mcp:read/.test(tok1.claims.scope) && !/mcp:admin/.test(tok1.claims.scope),
        tok1 ? JSON.stringify(tok1.claims) : 'no token');
    const init = exchanges.find((x) => x.rpc === 'initialize' && x.bearer);
    check('initialize with the token -> 200', init?.status === 200);
    summary.protocol_version = transport.protocolVersion;
    summary.server_info = client.getServerVersion();

    // 2. The read-only session.
    const tools = await client.listTools();
    const names = tools.tools.map((t) => t.name);
    summary.tools = names;
    check('tools/list lists whoami and server_status', names.includes('whoami') && names.includes('server_status'), names.join(','));
    const who = await client.callTool({ name: 'whoami', arguments: {} });
    summary.whoami = textOf(who).slice(0, 400);
    check('tools/call whoami succeeds', !who.isError, summary.whoami.replace(/\s+/g, ' ').slice(0, 160));
    summary.flow_ms = ms();
    trace(`== end-to-end flow (401 -> ... -> whoami) took ${summary.flow_ms} ms`);

    // 3. Step-up: server_status needs mcp:admin; the read-only grant gets a 403.
    trace('== step-up: tools/call server_status with the read-only grant');
    const stepStart = ms();
    const before = exchanges.length;
    let status;
    for (let attempt = 1; attempt <= 4 && !status; attempt++) {
        try {
            status = await client.callTool({ name: 'server_status', arguments: {} });
        } catch (e) {
            if (e instanceof StreamableHTTPError && e.code === 404 && transport.sessionId) {
                // The server binds a session to (iss, sub, client_id); a new registration is a new
                // client, so the old session is not found. The transport spec's answer to a 404:
                // start a new session with a fresh initialize.
                summary.notes.push('the session was not found for the re-registered client (404); the client started a new session');
                trace('  (404 for the old session with the new client\'s token: starting a new session, as the transport spec requires)');
                newConnection();
                await client.connect(transport);
                continue;
            }
            if (!(e instanceof UnauthorizedError)) throw e;
            if (provider.pendingCode) {
                trace('  (server_status -> UnauthorizedError: re-authorized in the browser; finishing with the code, then retrying the call)');
                await transport.finishAuth(provider.takeCode());
            } else if (provider.authError?.error === 'invalid_scope') {
                // Keycloak (26.5) binds a dynamically registered client to the scopes named in its
                // registration, and the SDK registered with the first challenge's scope only. The
                // client recovers by registering again for the scope it now needs.
                const challenged = exchanges.slice(before).find((x) => x.status === 403)?.www ?? '';
                const scope = /scope="([^"]+)"/.exec(challenged)?.[1];
                summary.notes.push(`the authorization server refused scope "${scope}" for the first registration (invalid_scope); the client registered again with it`);
                trace(`  (authorization server answered invalid_scope for "${scope}": this client registration may not ask for it; registering again)`);
                provider.invalidateCredentials('client');
                const result = await auth(provider, { serverUrl, scope, resourceMetadataUrl: prmUrl ? new URL(prmUrl) : undefined, fetchFn: tracingFetch });
                if (result !== 'REDIRECT') throw new Error(`auth() returned ${result}`);
                await transport.finishAuth(provider.takeCode());
            } else {
                throw e;
            }
        }
    }
    const denied = exchanges.slice(before).find((x) => x.rpc === 'tools/call server_status' && x.status === 403);
    check('server_status with the read-only grant -> 403 insufficient_scope naming mcp:admin',
        denied && /error="insufficient_scope"/.test(denied.www ?? '') && /scope="[^"]*mcp:admin/.test(denied.www ?? ''), denied?.www ?? 'no 403 seen');
    const reauth = provider.authorizations.slice(1);
    check('re-authorization asked for mcp:admin (PKCE S256, resource)', reauth.length > 0 && reauth.every((a) => a.method === 'S256' && a.resource === serverUrl.href)
        && reauth.some((a) => /mcp:admin/.test(a.scope ?? '')), reauth.map((a) => a.scope).join(' | '));
    const tok2 = exchanges.slice(before).filter((x) => x.claims).pop();
    check('new token carries mcp:admin and the resource audience', tok2 && /mcp:admin/.test(tok2.claims.scope) && [].concat(tok2.claims.aud).includes(serverUrl.href),
        tok2 ? JSON.stringify(tok2.claims) : 'no new token');
    check('server_status succeeds after step-up', status && !status.isError, status ? textOf(status).replace(/\s+/g, ' ').slice(0, 160) : 'no result');
    summary.stepup_ms = ms() - stepStart;
    trace(`== step-up took ${summary.stepup_ms} ms`);
    const who2 = await client.callTool({ name: 'whoami', arguments: {} });
    check('whoami after step-up', !who2.isError, textOf(who2).replace(/\s+/g, ' ').slice(0, 160));

    // 4. End the session as a client that disconnects cleanly.
    if (transport.sessionId) {
        await transport.terminateSession();
        const del = exchanges.filter((x) => x.method === 'DELETE').pop();
        check('DELETE of the session with the token', del && del.status >= 200 && del.status < 300, del ? String(del.status) : 'none');
    } else {
        trace('  (no Mcp-Session-Id: stateless transport, nothing to delete)');
    }
    await client.close();

    if (opts['token-out'] && provider.tokenSet?.access_token) {
        writeFileSync(opts['token-out'], provider.tokenSet.access_token, { mode: 0o600 });
    }
    summary.registrations = exchanges.filter((x) => x.clientId).length;
    summary.authorizations = provider.authorizations.map((a) => ({ scope: a.scope, resource: a.resource, code_challenge_method: a.method, iss: a.iss }));
    summary.exchanges = exchanges.length;
}

let failure;
try {
    await main();
} catch (e) {
    failure = e?.message ?? String(e);
    trace(`ERROR ${failure}`);
    check('flow completed', false, failure);
}
callbackServer.close();
summary.total_ms = ms();
summary.checks_passed = checks.filter((c) => c.ok).length;
summary.checks_total = checks.length;
summary.ok = !failure && checks.every((c) => c.ok);
summary.failed = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
console.log(JSON.stringify(summary, null, 2));
process.exit(summary.ok ? 0 : 1);
