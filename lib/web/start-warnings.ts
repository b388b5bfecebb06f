import { appEnv } from '../settings/env';

/**
 * What a server says once when it starts: the environment is checked (a bad setting stops the
 * start with its reason), and a production server with no PUBLIC_BASE_URL says that its share
 * links will name whatever host a request came to. Node.js only (instrumentation.ts loads it).
 */
export function startWarnings(): void {
  const env = appEnv();
  if (env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL) {
    process.stderr.write(
      'warning: PUBLIC_BASE_URL is not set: share links and preview images will use the host each request came to. Set it to the address people use (https://…).\n',
    );
  }
}
