import { errorResponse, type Answer } from './http';
import { logEvent } from './log';
import { RegistryUnavailable } from './registry-state';

/**
 * Every route handler's last line of defence: no registry at all answers 503, any other
 * unexpected exception 500, both in the one error shape, never an empty 500 or a stack trace.
 * The log gets the route and the kind of error, never the request.
 */
export function guarded<A extends unknown[], R extends Answer = Response>(route: string, handler: (...args: A) => Promise<R> | R): (...args: A) => Promise<R | Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (err instanceof RegistryUnavailable) {
        logEvent('unavailable', { route });
        return errorResponse(503, 'registry_unavailable', '暂时无法核验：没有可用的登记数据。 / Cannot check now: no registry is available.', { 'retry-after': '30' });
      }
      logEvent('internal_error', { route, error: err instanceof Error ? err.name : typeof err });
      return errorResponse(500, 'internal', '服务器内部错误，请稍后再试。 / Internal error: try again later.');
    }
  };
}
