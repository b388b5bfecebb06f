import { checkServer, DEFAULT_SERVER } from './server';

/** The configured server, from sync storage; the default when unset or no longer valid. */
export async function currentServer(): Promise<string> {
  const { server } = await chrome.storage.sync.get('server');
  const c = checkServer(server);
  return c.ok ? c.origin : DEFAULT_SERVER;
}
