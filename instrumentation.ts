/**
 * Runs once when the server starts: see lib/web/start-warnings.ts. (Loaded only in the Node.js
 * runtime, and from a module of its own, so that the edge build does not meet Node.js APIs.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWarnings } = await import('./lib/web/start-warnings');
  startWarnings();
}
