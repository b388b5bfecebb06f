/**
 * Runs once when the server starts: the environment is checked then (a bad setting stops the
 * start with its reason, not the first request), and a production server with no
 * PUBLIC_BASE_URL says that its share links will name whatever host a request came to.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { appEnv } = await import('./lib/validations/env');
  const env = appEnv();
  if (process.env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL) {
    // (console.warn, to stderr: process.stderr is a Node.js API the build also checks for the edge runtime.)
    console.warn('warning: PUBLIC_BASE_URL is not set: share links and preview images will use the host each request came to. Set it to the address people use (https://…).');
  }
}
