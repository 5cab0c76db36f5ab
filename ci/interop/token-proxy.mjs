// A loopback reverse proxy that adds `Authorization: Bearer <token>` to every request, so that a
// client that cannot authenticate (the official MCP conformance suite's `server` mode has no
// token option) can test a protected MCP server.
//
//   node token-proxy.mjs --upstream URL --token-file FILE --log FILE [--ca FILE] [--port N]
//
//   --upstream URL    origin of the protected server, http:// or https:// (loopback only)
//   --token-file FILE the access token (read once; never printed or logged)
//   --log FILE        one line per exchange: method, path, upstream status, WWW-Authenticate
//   --ca FILE         extra CA certificate (PEM) to trust for an https upstream
//   --port N          listen port (default: a free one); always on 127.0.0.1
// Prints `proxy=http://127.0.0.1:PORT` on stdout once listening.
//
// What it forwards: method, path and query, body (streamed both ways, so SSE works), every
// header but Authorization (replaced), Host and Origin. Host and Origin are rewritten to the
// upstream's only when they name the proxy itself (so the proxy is invisible, as if the suite
// talked to the server directly); any other Host or Origin (a DNS-rebinding probe) reaches the
// server unchanged, so the server's own checks are what the suite observes. Any Authorization
// the client sent is dropped, never forwarded.
import { appendFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
    options: {
        upstream: { type: 'string' },
        'token-file': { type: 'string' },
        log: { type: 'string' },
        ca: { type: 'string' },
        port: { type: 'string', default: '0' },
    },
});
if (!opts.upstream || !opts['token-file'] || !opts.log) {
    console.error('usage: node token-proxy.mjs --upstream URL --token-file FILE --log FILE [--ca FILE] [--port N]');
    process.exit(2);
}
const upstream = new URL(opts.upstream);
if (!['127.0.0.1', 'localhost'].includes(upstream.hostname)) {
    console.error(`token-proxy: refusing non-loopback upstream ${upstream.origin}`);
    process.exit(2);
}
const token = readFileSync(opts['token-file'], 'utf8').trim();
if (!token) { console.error('token-proxy: empty token file'); process.exit(2); }
const client = upstream.protocol === 'https:' ? https : http;
const agentOptions = { keepAlive: true, ...(opts.ca ? { ca: readFileSync(opts.ca) } : {}) };
const agent = new client.Agent(agentOptions);
const log = (line) => appendFileSync(opts.log, `${new Date().toISOString()} ${line}\n`);

let self;
const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers.authorization;
    const selves = [self, self.replace('127.0.0.1', 'localhost')];
    if (!headers.host || selves.includes(headers.host)) headers.host = upstream.host;
    if (headers.origin && selves.map((s) => `http://${s}`).includes(headers.origin)) headers.origin = upstream.origin;
    headers.authorization = `Bearer ${token}`;
    const up = client.request({
        protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port,
        method: req.method, path: req.url, headers, agent,
        // The certificate is checked against the upstream's name, never against a forwarded Host
        // (Node would otherwise take the TLS server name from a DNS-rebinding probe's Host).
        ...(upstream.protocol === 'https:' ? { servername: upstream.hostname } : {}),
    }, (ur) => {
        const www = ur.headers['www-authenticate'];
        log(`${req.method} ${req.url}${req.headers.host !== self ? ` (Host: ${req.headers.host})` : ''}` +
            `${req.headers.origin ? ` (Origin: ${req.headers.origin})` : ''} -> ${ur.statusCode}${www ? `  WWW-Authenticate: ${www}` : ''}`);
        res.writeHead(ur.statusCode, ur.headers);
        ur.pipe(res);
    });
    up.on('error', (e) => {
        log(`${req.method} ${req.url} -> 502 (${e.code ?? e.message})`);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('token-proxy: upstream unreachable');
    });
    req.pipe(up);
});
server.listen(Number(opts.port), '127.0.0.1', () => {
    self = `127.0.0.1:${server.address().port}`;
    log(`listening on ${self}, forwarding to ${upstream.origin}`);
    console.log(`proxy=http://${self}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
