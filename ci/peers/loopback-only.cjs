// Preloaded with `node --require` into a third-party server we do not control, so that every
// TCP socket it listens on is bound to 127.0.0.1 only. The TS SDK example calls
// `app.listen(port, cb)` with no host, which Node binds to every interface (:: / 0.0.0.0).
//
// Covered call shapes of net.Server#listen (http.Server inherits it):
//   listen(port[, host][, backlog][, cb])   port as a number or a numeric string
//   listen({ port, host, ... }[, cb])        options object
//   listen([cb])                             no port at all (random port)
// A host that is given but is not a loopback address is replaced too. Unix-socket paths and
// handles are left alone. ci/peers/ts-sdk.sh checks the result with `ss -ltnp`.
'use strict';
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const isLoopback = (host) => host === '127.0.0.1' || host === 'localhost' || host === '::1';
const isPort = (value) => typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackOnlyListen(...args) {
    if (args.length === 0 || typeof args[0] === 'function') {
        args.unshift(0, LOOPBACK);
    } else if (isPort(args[0])) {
        if (typeof args[1] === 'string' && !/^\d+$/.test(args[1])) {
            if (!isLoopback(args[1])) args[1] = LOOPBACK;
        } else {
            args.splice(1, 0, LOOPBACK);
        }
    } else if (args[0] && typeof args[0] === 'object' && !('path' in args[0]) && !('handle' in args[0])
        && !('_handle' in args[0]) && !('fd' in args[0])) {
        if (!isLoopback(args[0].host)) args[0] = { ...args[0], host: LOOPBACK };
    }
    return listen.apply(this, args);
};
