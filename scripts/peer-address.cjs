// Loaded into `next start` by npm start (NODE_OPTIONS=--require): puts the socket's peer
// address on every request as x-realbranch-peer, over anything a client sent under that name.
// Route handlers cannot see the socket; with no proxy in front (TRUSTED_PROXY_HOPS=0) this is
// the only client address that cannot be forged (lib/web/http.ts clientKey).
const http = require('node:http');

const HEADER = 'x-realbranch-peer';
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === 'request' && req && req.headers) req.headers[HEADER] = req.socket?.remoteAddress ?? '';
  return emit.call(this, event, req, ...rest);
};
