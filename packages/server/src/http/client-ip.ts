import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { forwardedClient, type TrustedProxies } from '../network'
import type { AppEnv } from './env'

/**
 * Records the client's IP for the rate limits and the log-in limits: the socket's peer, or, behind proxies the
 * server is told to trust, the `X-Forwarded-For` entry the nearest untrusted hop is known by (read from the right).
 *
 * @example
 * app.use(clientIp(parseTrustedProxies('1')))
 * // later: c.get('clientIp') // '203.0.113.7'
 */
export function clientIp(trust: TrustedProxies): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientIp', forwardedClient(socketAddress(c), c.req.header('x-forwarded-for'), trust))
    await next()
  }
}

/**
 * The address of the socket's peer: the client, or the nearest proxy.
 *
 * @example
 * socketAddress(c) // '127.0.0.1'
 */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}
