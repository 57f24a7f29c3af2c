import type { MiddlewareHandler } from 'hono'
import { TokenBucketLimiter } from '../rate-limit'
import { ApiError } from './api-error'
import type { AppEnv, KeyCaller } from './env'

/**
 * `429 rate_limited` with `Retry-After` for a client IP over its rate; runs after `clientIp`.
 *
 * @example
 * app.use(clientIp(trust), limitPerIp({ ratePerSecond: 20_000 }))
 */
export function limitPerIp(options: { ratePerSecond: number }): MiddlewareHandler<AppEnv> {
  const limiter = new TokenBucketLimiter({ ratePerSecond: options.ratePerSecond })
  return async (c, next) => {
    admit(limiter, c.get('clientIp'))
    await next()
  }
}

/**
 * The per-key rate limit, wherever the key came from: the `Authorization` header (`middleware`, after the key is
 * authenticated) or the batch body's `"key"` for `sendBeacon` (`admit`, once the body is read).
 *
 * @example
 * const keyLimit = new KeyRateLimit({ ratePerSecond: 10_000 })
 * app.use('/v1/*', authenticateKey(apps), keyLimit.middleware)
 * keyLimit.admit(callerFromBodyKey) // throws 429 past the rate
 */
export class KeyRateLimit {
  readonly #limiter: TokenBucketLimiter

  constructor(options: { ratePerSecond: number; now?: () => number }) {
    this.#limiter = new TokenBucketLimiter(options)
  }

  /** Counts one request of `caller`'s key; throws `429 rate_limited` past its rate. */
  readonly admit = (caller: KeyCaller): void => admit(this.#limiter, caller.keyId)

  readonly middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const caller = c.get('caller')
    if (caller) this.admit(caller)
    await next()
  }
}

function admit(limiter: TokenBucketLimiter, key: string): void {
  const decision = limiter.take(key)
  if (!decision.allowed) {
    throw new ApiError(429, 'rate_limited', `Too many requests; retry after ${decision.retryAfterSeconds} s.`, undefined, {
      'Retry-After': String(decision.retryAfterSeconds),
    })
  }
}
