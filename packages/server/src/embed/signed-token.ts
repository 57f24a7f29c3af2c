import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a signed app token says: whose app, for what, until when (seconds since the epoch). */
export type TokenClaims = {
  /** The app's public id. */
  app: string
  /** `embed`: read-only reports and insights (the widget). `admin`: the owner's admin page, tied to a login session. */
  scope: 'embed' | 'admin'
  /** Expiry, Unix seconds. */
  exp: number
  /** A random id of this token (for logs and rate limits). */
  jti: string
  /** The login session an `admin` token belongs to; logging out ends the token. */
  sid?: string
}

export const TOKEN_PREFIX = 'crm_et_'

/**
 * Signs claims into `crm_et_<base64url JSON>.<base64url HMAC-SHA256>`.
 *
 * @example
 * signToken(secret, { app: 'app_x', scope: 'embed', exp: 1_800_000_000, jti: 'a1' }) // 'crm_et_eyJ…'
 */
export function signToken(secret: Uint8Array, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${TOKEN_PREFIX}${body}.${mac(secret, body).toString('base64url')}`
}

/**
 * The claims of a token signed with `secret` that has not expired at `nowSeconds`; undefined for anything else
 * (another kind of token, a bad signature, a changed payload, an expired token).
 *
 * @example
 * readToken(secret, token, Date.now() / 1000)?.app // 'app_x'
 */
export function readToken(secret: Uint8Array, token: string, nowSeconds: number): TokenClaims | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const [body, signature, extra] = token.slice(TOKEN_PREFIX.length).split('.')
  if (!body || !signature || extra !== undefined) return undefined
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (!isClaims(claims) || claims.exp <= nowSeconds) return undefined
  return claims
}

function mac(secret: Uint8Array, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest()
}

function isClaims(value: unknown): value is TokenClaims {
  if (value === null || typeof value !== 'object') return false
  const claims = value as Record<string, unknown>
  return (
    typeof claims.app === 'string' &&
    (claims.scope === 'embed' || claims.scope === 'admin') &&
    typeof claims.exp === 'number' &&
    typeof claims.jti === 'string' &&
    (claims.sid === undefined || typeof claims.sid === 'string')
  )
}
