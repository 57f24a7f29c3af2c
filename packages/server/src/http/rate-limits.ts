import type { MiddlewareHandler } from 'hono'
import { TokenBucketLimiter } from '../rate-limit'
import { ApiError } from './api-error'
import { clientIp } from './client-ip'
import type { AppEnv } from './env'

/**
 * `429 rate_limited` with `Retry-After` for a client IP over its rate.
 *
 * @example
 * app.use(limitPerIp({ ratePerSecond: 20_000, trustProxy: false }))
 */
export function limitPerIp(options: { ratePerSecond: number; trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  const limiter = new TokenBucketLimiter({ ratePerSecond: options.ratePerSecond })
  return async (c, next) => {
    const decision = limiter.take(clientIp(c, options.trustProxy))
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds)
    await next()
  }
}

/**
 * `429 rate_limited` with `Retry-After` for an API key over its rate; runs after the key is authenticated.
 *
 * @example
 * app.use('/v1/*', authenticateKey(apps), limitPerKey({ ratePerSecond: 10_000 }))
 */
export function limitPerKey(options: { ratePerSecond: number }): MiddlewareHandler<AppEnv> {
  const limiter = new TokenBucketLimiter({ ratePerSecond: options.ratePerSecond })
  return async (c, next) => {
    const caller = c.get('caller')
    if (caller) {
      const decision = limiter.take(caller.keyId)
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds)
    }
    await next()
  }
}

function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate_limited', `Too many requests; retry after ${retryAfterSeconds} s.`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  })
}
