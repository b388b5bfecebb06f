// More than one way in for each of npm start's workers (scripts/serve.mjs).
//
// Since libuv 1.45 (Node 20) a process accepts one connection per listening handle per turn of
// its event loop (libuv PR #3696), and a busy worker's turn lasts as long as the requests it
// answers in it: 30–150 ms on this machine under load. So a burst of new connections (a link
// forwarded into a group and opened at once) waits in the socket's queue: measured, 97
// connections took 2 s to be taken, and their first answers came 0.7–4.5 s after they opened.
//
// Each worker therefore listens on the shared socket through several handles, ACCEPT_HANDLES
// in all (default 8; 1 for the one that node:cluster gives): each is accepted from once per
// turn. The extra handles are copies of the worker's own: it sends its handle to the primary,
// which sends it back as many times as asked (each copy a new descriptor of the same socket)
// and keeps none. The connections they accept go to the same HTTP server.
//
// (Plain Node, run outside the app's bundle: it reads ACCEPT_HANDLES from process.env.)
import net from 'node:net';

export function acceptHandleCount(env = process.env) {
  const n = Number(env.ACCEPT_HANDLES);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 8;
}

/** One more way in for `server`: a server listening on `handle` (a listening TCP handle) whose connections are its. */
export function listenAlso(server, handle) {
  const extra = net.createServer((socket) => server.emit('connection', socket));
  extra.on('error', (e) => console.error(`an extra accept handle failed (${e.code ?? e.message}); the others go on`));
  extra.listen(handle);
  return extra;
}

/**
 * The worker's side, once `server` listens through node:cluster: ask for count - 1 copies of
 * its listening handle, and listen on each as it comes. Returns the extra servers (to close).
 */
export function addAcceptHandles(server, count) {
  const extras = [];
  // (The TCP handle itself, not the server: a server sent to the primary would start
  // accepting there.)
  const handle = server._handle;
  if (count <= 1 || !handle || typeof process.send !== 'function') return extras;
  process.on('message', (m, copy) => {
    if (!m || m.acceptHandles !== 'copy' || !copy) return;
    extras.push(listenAlso(server, copy));
  });
  process.send({ acceptHandles: 'ask', copies: count - 1 }, handle, { keepOpen: true });
  return extras;
}

/** The primary's side: send a worker's listening handle back to it, `copies` times. */
export function serveAcceptHandles() {
  return (worker, m, handle) => {
    if (!m || m.acceptHandles !== 'ask') return false;
    if (!handle) return true;
    const copies = Math.max(0, Math.min(63, Number(m.copies) || 0));
    if (copies === 0) {
      handle.close();
      return true;
    }
    // (Each send passes a new descriptor; the primary's own is closed once the last is written.)
    for (let i = 1; i <= copies; i++) worker.send({ acceptHandles: 'copy' }, handle, { keepOpen: true }, () => i === copies && handle.close());
    return true;
  };
}
