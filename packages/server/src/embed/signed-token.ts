import { createHmac, timingSafeEqual } from 'node:crypto'

type CommonClaims = {
  /** The app's public id. */
  app: string
  /** Expiry, Unix seconds. */
  exp: number
  /** A random id of this token (for logs and rate limits). */
  jti: string
}

/** What a signed app token says: whose app, for what, until when (seconds since the epoch), and what it hangs on. */
export type TokenClaims =
  /** Read-only reports and insights (the widget), alive while `kid`, the secret key that minted it, is. */
  | (CommonClaims & { scope: 'embed'; kid: string })
  /** The owner's admin page, alive while `sid`, its login session, is. */
  | (CommonClaims & { scope: 'admin'; sid: string })

export const TOKEN_PREFIX = 'crm_et_'

/**
 * Signs claims into `crm_et_<base64url JSON>.<base64url HMAC-SHA256>` (base64url without padding).
 *
 * @example
 * signToken(secret, { app: 'app_x', scope: 'embed', kid: 'key_y', exp: 1_800_000_000, jti: 'a1' }) // 'crm_et_eyJ…'
 */
export function signToken(secret: Uint8Array, claims: TokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${TOKEN_PREFIX}${body}.${mac(secret, body)}`
}

/**
 * The claims of a token signed with `secret` that has not expired at `nowSeconds`; undefined for anything else
 * (another kind of token, a bad signature, a changed payload, an expired token). Both parts must be exactly what
 * `signToken` writes: Buffer's base64url decoder skips padding and stray characters, so a token decoded before it is
 * compared would still verify with `=` or junk appended, and a leaked token would have many spellings.
 *
 * @example
 * readToken(secret, token, Date.now() / 1000)?.app // 'app_x'
 */
export function readToken(secret: Uint8Array, token: string, nowSeconds: number): TokenClaims | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined
  const [body, signature, extra] = token.slice(TOKEN_PREFIX.length).split('.')
  if (!body || !signature || extra !== undefined) return undefined
  const given = Buffer.from(signature, 'utf8')
  const expected = Buffer.from(mac(secret, body), 'utf8')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const json = Buffer.from(body, 'base64url')
  if (json.toString('base64url') !== body) return undefined
  let claims: unknown
  try {
    claims = JSON.parse(json.toString('utf8'))
  } catch {
    return undefined
  }
  if (!isClaims(claims) || claims.exp <= nowSeconds) return undefined
  return claims
}

/** The HMAC-SHA256 of the body, in its one canonical spelling (base64url, no padding). */
function mac(secret: Uint8Array, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

function isClaims(value: unknown): value is TokenClaims {
  if (value === null || typeof value !== 'object') return false
  const claims = value as Record<string, unknown>
  if (typeof claims.app !== 'string' || typeof claims.exp !== 'number' || typeof claims.jti !== 'string') return false
  if (claims.scope === 'embed') return typeof claims.kid === 'string' && claims.sid === undefined
  if (claims.scope === 'admin') return typeof claims.sid === 'string' && claims.kid === undefined
  return false
}
