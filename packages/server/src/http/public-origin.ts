import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/**
 * Records the origin the client used to reach the server: the request URL's, or, behind a proxy the server is told
 * to trust, the one `X-Forwarded-Proto` and `X-Forwarded-Host` describe. The same-origin check and the cookie's
 * Secure flag read it.
 *
 * @example
 * app.use(publicOrigin({ trustProxy: false }))
 */
export function publicOrigin(options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url)
    let origin = url.origin
    if (options.trustProxy) {
      const proto = c.req.header('x-forwarded-proto')?.split(',', 1)[0]?.trim() || url.protocol.slice(0, -1)
      const host = c.req.header('x-forwarded-host')?.split(',', 1)[0]?.trim() || url.host
      origin = `${proto}://${host}`
    }
    c.set('origin', origin)
    await next()
  }
}
