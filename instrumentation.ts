/**
 * Runs once when the server starts: see lib/web/start-warnings.ts. (Loaded only in the Node.js
 * runtime, and from a module of its own, so that the edge build does not meet Node.js APIs.
 * NEXT_RUNTIME is Next.js's own marker, not a setting, so it is read here as it is.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWarnings } = await import('./lib/web/start-warnings');
  startWarnings();
}
