import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from '../logger'
import { requestId as newRequestId } from '../ids'
import type { AppEnv } from './env'

/**
 * Gives every request an id (echoed as `X-Request-Id`) and logs one structured line when it ends: method, the
 * route's pattern (`/v1/customers/:userId`, never the raw path, whose ids are often emails), status, duration and
 * the app; never a key, a cookie or a body.
 *
 * @example
 * app.use(requestLog(logger))
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const requestId = newRequestId()
    c.set('requestId', requestId)
    // Before the route runs, so the response it builds carries it (set on a finished response, the whole response is copied).
    c.header('X-Request-Id', requestId)
    await next()
    logger.info('request', {
      requestId,
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      app: c.get('caller')?.app.publicId,
    })
  }
}
