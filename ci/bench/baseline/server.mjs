// The bench's independent baseline: an MCP resource server doing the same work as the reference
// server's whoami path, written directly on node:http and jose. Per request: the Bearer token is
// verified (RS256 signature against the issuer's JWKS, fetched once and cached by jose; iss, aud,
// exp/nbf with 60 s leeway, typ at+jwt), the scope checked, the session checked, the JSON-RPC
// message parsed and answered. No verified-token cache. Logs nothing per request.
//
//   node server.mjs --port N --issuer URL [--host 127.0.0.1]
// Serves http://HOST:PORT/mcp (MCP Streamable HTTP, sessions, 2025-06-18 and 2025-11-25) and
// GET /.well-known/oauth-protected-resource/mcp (RFC 9728). Prints "listening URL" when ready.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
    (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const host = args.host ?? '127.0.0.1';
const port = Number(args.port);
const issuer = args.issuer;
if (!port || !issuer) {
    console.error('usage: node server.mjs --port N --issuer URL [--host H]');
    process.exit(2);
}
const resource = `http://${host}:${port}/mcp`;
const prmUrl = `http://${host}:${port}/.well-known/oauth-protected-resource/mcp`;
const SCOPE = 'mcp:read';
const VERSIONS = new Set(['2025-03-26', '2025-06-18', '2025-11-25']);

const metadata = await (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json();
const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
const sessions = new Map(); // session id -> sub

const prm = JSON.stringify({
    resource, authorization_servers: [issuer], scopes_supported: ['mcp:read', 'mcp:write', 'mcp:admin'],
    bearer_methods_supported: ['header'],
});

function send(res, status, body, headers = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
}

function challenge(res, status, error, description) {
    let value = `Bearer resource_metadata="${prmUrl}", scope="${SCOPE}"`;
    if (error) {
        value += `, error="${error}", error_description="${description}"`;
    }
    send(res, status, { error: error ?? 'unauthorized' }, { 'WWW-Authenticate': value });
}

async function authenticate(req) {
    const auth = req.headers.authorization;
    if (auth === undefined) {
        return { status: 401 };
    }
    const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(auth);
    if (!m) {
        return { status: 400, error: 'invalid_request', description: 'malformed Authorization' };
    }
    try {
        const { payload } = await jwtVerify(m[1], jwks, {
            issuer, audience: resource, algorithms: ['RS256'], typ: 'at+jwt', clockTolerance: 60, requiredClaims: ['exp'],
        });
        const scopes = new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
        if (!scopes.has(SCOPE)) {
            return { status: 403, error: 'insufficient_scope', description: `needs ${SCOPE}` };
        }
        return { status: 200, claims: payload, scopes };
    } catch {
        return { status: 401, error: 'invalid_token', description: 'the access token is not valid' };
    }
}

function whoami(claims, scopes) {
    const text = JSON.stringify({
        sub: claims.sub, client_id: claims.client_id ?? claims.azp ?? '', issuer: claims.iss,
        scopes: [...scopes].sort(), expires_at: new Date(claims.exp * 1000).toISOString(),
    });
    return { content: [{ type: 'text', text }], isError: false };
}

const TOOLS = [{
    name: 'whoami', title: 'Who am I', description: 'Shows the subject, client, scopes and expiry of the access token.',
    inputSchema: { type: 'object', properties: {} },
}];

async function handleMcp(req, res, body) {
    const auth = await authenticate(req);
    if (auth.status !== 200) {
        challenge(res, auth.status, auth.error, auth.description);
        return;
    }
    let msg;
    try {
        msg = JSON.parse(body);
    } catch {
        send(res, 400, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
        return;
    }
    const sub = auth.claims.sub;
    if (msg.method === 'initialize') {
        const id = randomUUID();
        sessions.set(id, sub);
        const requested = msg.params?.protocolVersion;
        send(res, 200, {
            jsonrpc: '2.0', id: msg.id, result: {
                protocolVersion: VERSIONS.has(requested) ? requested : '2025-06-18',
                capabilities: { tools: {} }, serverInfo: { name: 'bench-baseline-node-jose', version: '0.1.0' },
            },
        }, { 'Mcp-Session-Id': id });
        return;
    }
    const sessionId = req.headers['mcp-session-id'];
    if (sessionId === undefined) {
        send(res, 400, { jsonrpc: '2.0', id: msg.id ?? null, error: { code: -32600, message: 'Mcp-Session-Id required' } });
        return;
    }
    const owner = sessions.get(sessionId);
    if (owner === undefined) {
        send(res, 404, { jsonrpc: '2.0', id: msg.id ?? null, error: { code: -32600, message: 'unknown session' } });
        return;
    }
    if (owner !== sub) {
        send(res, 403, { jsonrpc: '2.0', id: msg.id ?? null, error: { code: -32600, message: 'session of another user' } });
        return;
    }
    const version = req.headers['mcp-protocol-version'];
    if (version !== undefined && !VERSIONS.has(version)) {
        send(res, 400, { jsonrpc: '2.0', id: msg.id ?? null, error: { code: -32600, message: 'unsupported version' } });
        return;
    }
    if (msg.id === undefined) { // a notification
        res.writeHead(202).end();
        return;
    }
    switch (msg.method) {
        case 'tools/list':
            send(res, 200, { jsonrpc: '2.0', id: msg.id, result: { tools: TOOLS } });
            return;
        case 'tools/call':
            if (msg.params?.name !== 'whoami') {
                send(res, 200, { jsonrpc: '2.0', id: msg.id, error: { code: -32602, message: 'unknown tool' } });
                return;
            }
            send(res, 200, { jsonrpc: '2.0', id: msg.id, result: whoami(auth.claims, auth.scopes) });
            return;
        default:
            send(res, 200, { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'Method not found' } });
    }
}

const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/.well-known/oauth-protected-resource/mcp') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(prm) }).end(prm);
        return;
    }
    if (path !== '/mcp') {
        send(res, 404, { error: 'not found' });
        return;
    }
    if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' }).end();
        return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', c => {
        size += c.length;
        if (size <= 1 << 20) {
            chunks.push(c);
        }
    });
    req.on('end', () => {
        if (size > 1 << 20) {
            send(res, 413, { error: 'body too large' });
            return;
        }
        handleMcp(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => send(res, 500, { error: 'internal' }));
    });
});
server.keepAliveTimeout = 60_000;
server.listen(port, host, () => console.log(`listening ${resource}`));
process.on('SIGTERM', () => process.exit(0));
