import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../http/api-error'
import type { AppEnv, KeyCaller } from '../http/env'
import type { AppsService } from './apps-service'

/** Verifies something that is not an API key (an embed token); undefined when it is not one of its kind. */
export type TokenVerifier = (token: string) => KeyCaller | undefined

/**
 * Authenticates `Authorization: Bearer <key>` on the public API. A request without the header passes on
 * unauthenticated only where `optional` allows it (the batch endpoint, whose body may carry a publishable key).
 *
 * @example
 * app.use('/v1/*', authenticateKey(apps))
 */
export function authenticateKey(
  apps: AppsService,
  options: { optional?: (path: string) => boolean; verifiers?: TokenVerifier[] } = {},
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')
    if (header === undefined) {
      if (options.optional?.(c.req.path)) return next()
      throw new ApiError(401, 'unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <key>".')
    const token = match[1]!
    const caller = apps.authenticate(token) ?? options.verifiers?.map((verify) => verify(token)).find(Boolean)
    if (!caller) throw new ApiError(401, 'unauthorized', 'This API key is not valid or has been revoked.')
    c.set('caller', caller)
    await next()
  }
}

/**
 * Lets through only callers whose key type is allowed; a publishable key on a read endpoint answers `403`.
 *
 * @example
 * app.get('/v1/customers', requireKeyType('secret'), handler)
 */
export function requireKeyType(...allowed: KeyCaller['keyType'][]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller')
    if (!caller) throw new ApiError(401, 'unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
    if (!allowed.includes(caller.keyType)) {
      throw new ApiError(403, 'forbidden', `A ${caller.keyType} key cannot use this endpoint; use a secret key.`)
    }
    await next()
  }
}

/**
 * The authenticated caller of a request that passed `authenticateKey`.
 *
 * @example
 * const { app } = callerOf(c)
 */
export function callerOf(c: { get(key: 'caller'): KeyCaller | undefined }): KeyCaller {
  return requireCaller(c.get('caller'))
}

/**
 * The caller, or `401 unauthorized` when the request carried no credentials.
 *
 * @example
 * const caller = requireCaller(c.get('caller') ?? callerFromBodyKey(apps, body.key))
 */
export function requireCaller(caller: KeyCaller | undefined): KeyCaller {
  if (!caller) throw new ApiError(401, 'unauthorized', 'Send an API key as "Authorization: Bearer <key>".')
  return caller
}
