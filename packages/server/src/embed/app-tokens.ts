import type { TokenVerifier } from '../apps'
import { SESSION_IDLE_MS } from '../auth'
import type { KeyCaller } from '../http/env'
import { randomId } from '../ids'
import type { AccountsStore, AppRow, AppsStore } from '../store'
import { readToken, signToken, type TokenClaims } from './signed-token'
import type { SigningSecretStore } from './signing-secret-store'

export const EMBED_TTL_DEFAULT = 600
export const EMBED_TTL_MAX = 3600
/** The admin page renews its token well before this runs out. */
export const ADMIN_TTL = 900

export type IssuedToken = { token: string; expiresAt: string }

/**
 * Short-lived signed tokens for one app. `embed` tokens (minted with a secret key) let the widget read that app's
 * reports and insights and nothing else. `admin` tokens (minted by the admin page for its login session) act as the
 * owner's secret key on the public API, so the page uses the same `/v1` endpoints as every other client; they end
 * with the session.
 *
 * @example
 * const tokens = new AppTokens({ secrets, apps: stores.apps, accounts: stores.accounts })
 * const { token } = tokens.mintEmbed(app, 600)
 * tokens.verify(token) // { app, keyType: 'embed', keyId: 'et_…' }
 */
export class AppTokens {
  readonly #secret: Uint8Array
  readonly #apps: AppsStore
  readonly #accounts: AccountsStore
  readonly #now: () => number

  constructor(options: { secrets: SigningSecretStore; apps: AppsStore; accounts: AccountsStore; now?: () => number }) {
    this.#secret = options.secrets.secret('app-tokens')
    this.#apps = options.apps
    this.#accounts = options.accounts
    this.#now = options.now ?? Date.now
  }

  /** A read-only token for the widget, valid `ttlSeconds`. */
  mintEmbed(app: AppRow, ttlSeconds: number): IssuedToken {
    return this.#mint({ app: app.publicId, scope: 'embed' }, ttlSeconds)
  }

  /** A token for the admin page of the session `sessionId`, acting with the owner's secret-key rights. */
  mintAdmin(app: AppRow, sessionId: string): IssuedToken {
    return this.#mint({ app: app.publicId, scope: 'admin', sid: sessionId }, ADMIN_TTL)
  }

  /** Plugs into `createHttpApp({ tokenVerifiers })`: the caller a token stands for, or undefined. */
  readonly verify: TokenVerifier = (token) => {
    const claims = readToken(this.#secret, token, this.#now() / 1000)
    if (!claims) return undefined
    const app = this.#apps.findAppByPublicId(claims.app)
    if (!app) return undefined
    if (claims.scope === 'embed') return { app, keyType: 'embed', keyId: `et_${claims.jti}` } satisfies KeyCaller
    const session = claims.sid === undefined ? undefined : this.#accounts.findSession(claims.sid)
    if (!session || session.userId !== app.ownerId || this.#now() - session.lastVerifiedAt >= SESSION_IDLE_MS) return undefined
    return { app, keyType: 'secret', keyId: `session_${session.id}` } satisfies KeyCaller
  }

  #mint(claims: Omit<TokenClaims, 'exp' | 'jti'>, ttlSeconds: number): IssuedToken {
    const exp = Math.floor(this.#now() / 1000) + ttlSeconds
    const token = signToken(this.#secret, { ...claims, exp, jti: randomId('', 10) })
    return { token, expiresAt: new Date(exp * 1000).toISOString() }
  }
}
