// Obtains an access token from an MCP server's own authorization server, headlessly, with the
// TypeScript SDK's client auth functions (the same code a real SDK client runs):
//   PRM discovery -> AS metadata discovery -> dynamic client registration (RFC 7591)
//   -> authorization request with PKCE S256, state, scope and resource (RFC 8707)
//   -> read the code from the 302 Location (works only with an AS that approves without a
//      login page, like the SDK example's demo AS) -> token request with the verifier and resource.
//
// Usage: node get-token.mjs --server URL --token-file FILE [--scope "a b" | --no-scope] [--resource URL]
//   --server URL      MCP endpoint to start discovery from. If its PRM advertises another
//                     `resource` (the SDK example says http://localhost:PORT/mcp even when
//                     reached at 127.0.0.1), discovery restarts from that advertised URL, which
//                     is what a client must use.
//   --token-file FILE the access token is written there (mode 0600), never to stdout.
//   --scope S         scope to request; default: the PRM's scopes_supported.
//   --no-scope        request no scope at all (a token below the baseline, for step-up checks).
//   --resource URL    send this `resource` instead of the PRM's (a token meant for another
//                     resource server, for the audience probe); the flow is otherwise the same.
// Stdout: key=value lines: resource, authorization_server, client_id, scope, expires_in.
// Stderr: one line per hop. Exit 0 on success, 1 on any failure.
// Loopback only: it refuses URLs whose host is not 127.0.0.1, localhost or [::1].
import {
    checkResourceAllowed,
    resourceUrlFromServerUrl,
} from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import {
    discoverAuthorizationServerMetadata,
    discoverOAuthProtectedResourceMetadata,
    exchangeAuthorization,
    registerClient,
    selectResourceURL,
    startAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// Never served: the demo AS redirects here and we read the code from the Location header.
const REDIRECT_URI = 'http://127.0.0.1:9/callback';

const { values: opts } = parseArgs({
    options: {
        server: { type: 'string' },
        'token-file': { type: 'string' },
        scope: { type: 'string' },
        'no-scope': { type: 'boolean', default: false },
        resource: { type: 'string' },
    },
});
if (!opts.server || !opts['token-file']) {
    console.error('usage: node get-token.mjs --server URL --token-file FILE [--scope S | --no-scope] [--resource URL]');
    process.exit(1);
}

const log = (line) => console.error(`get-token: ${line}`);

function loopbackOnly(url) {
    const u = new URL(url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
        throw new Error(`refusing non-loopback URL ${u.href}`);
    }
    return u;
}

// Every request the SDK makes goes through here: loopback check and a one-line trace (no secrets:
// bodies are not logged, and the only secret-bearing URL, the redirect, is logged without query).
const tracingFetch = async (url, init = {}) => {
    const u = loopbackOnly(url);
    const res = await fetch(u, init);
    log(`${init.method ?? 'GET'} ${u.origin}${u.pathname} -> ${res.status}`);
    return res;
};

async function main() {
    const started = Date.now();
    let serverUrl = loopbackOnly(opts.server);

    let prm = await discoverOAuthProtectedResourceMetadata(serverUrl, undefined, tracingFetch);
    if (prm.resource !== resourceUrlFromServerUrl(serverUrl).href) {
        // The SDK client would refuse this origin (checkResourceAllowed); use the advertised one.
        log(`PRM resource is ${prm.resource}, not ${serverUrl.href}: continuing with the advertised resource`);
        serverUrl = loopbackOnly(prm.resource);
        prm = await discoverOAuthProtectedResourceMetadata(serverUrl, undefined, tracingFetch);
    }
    // The SDK's own resource check, exactly as its auth() runs it.
    const resourceUrl = await selectResourceURL(serverUrl, {}, prm);
    if (!checkResourceAllowed({ requestedResource: serverUrl, configuredResource: resourceUrl })) {
        throw new Error(`resource ${resourceUrl} does not cover ${serverUrl}`);
    }
    // Send the PRM string verbatim as `resource`, as the SDK's auth() does (or the override).
    const resource = opts.resource ?? prm.resource;
    if (opts.resource) log(`requesting a token for resource ${resource} instead of ${prm.resource}`);

    const authServer = prm.authorization_servers?.[0];
    if (!authServer) throw new Error('PRM lists no authorization_servers');
    loopbackOnly(authServer);
    const metadata = await discoverAuthorizationServerMetadata(authServer, { fetchFn: tracingFetch });
    if (!metadata) throw new Error(`no authorization server metadata found for ${authServer}`);

    const scope = opts['no-scope'] ? undefined : (opts.scope ?? prm.scopes_supported?.join(' '));
    const clientInformation = await registerClient(authServer, {
        metadata,
        clientMetadata: {
            client_name: 'mcp-auth conformance peer run',
            redirect_uris: [REDIRECT_URI],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'none',
        },
        scope,
        fetchFn: tracingFetch,
    });
    log(`registered client ${clientInformation.client_id}`);

    const state = randomBytes(16).toString('base64url');
    const { authorizationUrl, codeVerifier } = await startAuthorization(authServer, {
        metadata,
        clientInformation,
        redirectUrl: REDIRECT_URI,
        scope,
        state,
        resource,
    });
    const sent = [...authorizationUrl.searchParams.keys()].join(',');
    const authz = await fetch(loopbackOnly(authorizationUrl), { redirect: 'manual' });
    const location = authz.headers.get('location');
    log(`GET ${authorizationUrl.origin}${authorizationUrl.pathname} (${sent}) -> ${authz.status}`);
    if (authz.status < 300 || authz.status > 399 || !location) {
        throw new Error(`authorization endpoint answered ${authz.status} without a redirect (a login page?)`);
    }
    const callback = new URL(location, authorizationUrl);
    if (callback.origin + callback.pathname !== new URL(REDIRECT_URI).href) {
        throw new Error(`redirected to ${callback.origin}${callback.pathname}, not the registered redirect_uri`);
    }
    if (callback.searchParams.get('error')) {
        throw new Error(`authorization error: ${callback.searchParams.get('error')}`);
    }
    if (callback.searchParams.get('state') !== state) throw new Error('state mismatch in the redirect');
    const code = callback.searchParams.get('code');
    if (!code) throw new Error('the redirect carries no code');

    const tokens = await exchangeAuthorization(authServer, {
        metadata,
        clientInformation,
        authorizationCode: code,
        codeVerifier,
        redirectUri: REDIRECT_URI,
        resource,
        fetchFn: tracingFetch,
    });
    if (!tokens.access_token) throw new Error('token response has no access_token');
    writeFileSync(opts['token-file'], tokens.access_token, { mode: 0o600 });
    log(`token obtained in ${Date.now() - started} ms`);

    console.log(`resource=${resource}`);
    console.log(`authorization_server=${authServer}`);
    console.log(`client_id=${clientInformation.client_id}`);
    console.log(`scope=${tokens.scope ?? ''}`);
    console.log(`expires_in=${tokens.expires_in ?? ''}`);
}

main().catch((e) => {
    console.error(`get-token: failed: ${e?.message ?? e}`);
    process.exit(1);
});
