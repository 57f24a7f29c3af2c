import type { MiddlewareHandler } from 'hono'
import { peerIsTrusted, type TrustedProxies } from '../network'
import { socketAddress } from './client-ip'
import type { AppEnv } from './env'

/**
 * Records the origin the client used to reach the server: the request URL's, or, behind a proxy the server is told
 * to trust (when the socket's peer is one of them), the one `X-Forwarded-Proto` and `X-Forwarded-Host` describe. The same-origin check and the cookie's
 * Secure flag read it.
 *
 * @example
 * app.use(publicOrigin({ trustProxy: parseTrustedProxies('off') }))
 */
export function publicOrigin(options: { trustProxy: TrustedProxies }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url)
    let origin = url.origin
    if (peerIsTrusted(socketAddress(c), options.trustProxy)) {
      const proto = c.req.header('x-forwarded-proto')?.split(',', 1)[0]?.trim() || url.protocol.slice(0, -1)
      const host = c.req.header('x-forwarded-host')?.split(',', 1)[0]?.trim() || url.host
      origin = `${proto}://${host}`
    }
    c.set('origin', origin)
    await next()
  }
}
