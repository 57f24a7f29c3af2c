import type { AppsService, TokenVerifier } from '../apps'
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

/** Where a token finds the key that minted it: `AppsService`, which caches keys and forgets revoked ones at once. */
export type MintingKeys = Pick<AppsService, 'keyCaller'>

/** The claims a caller chooses, for either scope (`exp` and `jti` are added when signing). */
type UnsignedClaims = TokenClaims extends infer Claims ? (Claims extends TokenClaims ? Omit<Claims, 'exp' | 'jti'> : never) : never

/**
 * Short-lived signed tokens for one app. `embed` tokens (minted with a secret API key) let the widget read that
 * app's reports and insights and nothing else, and die with the key that minted it. `admin` tokens (minted by the
 * admin page for its login session) act as the owner's secret key on the public API, so the page uses the same `/v1`
 * endpoints as every other client; they end with the session.
 *
 * @example
 * const tokens = new AppTokens({ secrets, keys: appsService, apps: stores.apps, accounts: stores.accounts })
 * const { token } = tokens.mintEmbed(callerOfASecretKey, 600)!
 * tokens.verify(token) // { app, keyType: 'embed', keyId: 'et_…' }, until that key is revoked
 */
export class AppTokens {
  readonly #secret: Uint8Array
  readonly #keys: MintingKeys
  readonly #apps: AppsStore
  readonly #accounts: AccountsStore
  readonly #now: () => number

  constructor(options: { secrets: SigningSecretStore; keys: MintingKeys; apps: AppsStore; accounts: AccountsStore; now?: () => number }) {
    this.#secret = options.secrets.secret('app-tokens')
    this.#keys = options.keys
    this.#apps = options.apps
    this.#accounts = options.accounts
    this.#now = options.now ?? Date.now
  }

  /**
   * A read-only token for the widget, valid `ttlSeconds` and while the minting key lives; undefined when `minter` is
   * not a live secret API key (an admin page's token, a session, a publishable key).
   */
  mintEmbed(minter: KeyCaller, ttlSeconds: number): IssuedToken | undefined {
    const key = this.#keys.keyCaller(minter.keyId)
    if (!key || key.keyType !== 'secret' || key.app.id !== minter.app.id) return undefined
    return this.#mint({ app: key.app.publicId, scope: 'embed', kid: key.keyId }, ttlSeconds)
  }

  /** A token for the admin page of the session `sessionId`, acting with the owner's secret-key rights. */
  mintAdmin(app: AppRow, sessionId: string): IssuedToken {
    return this.#mint({ app: app.publicId, scope: 'admin', sid: sessionId }, ADMIN_TTL)
  }

  /** Plugs into `createHttpApp({ tokenVerifiers })`: the caller a token stands for, or undefined. */
  readonly verify: TokenVerifier = (token) => {
    const claims = readToken(this.#secret, token, this.#now() / 1000)
    if (!claims) return undefined
    if (claims.scope === 'embed') {
      // From memory once the key was seen: this runs on every request of every widget.
      const key = this.#keys.keyCaller(claims.kid)
      if (!key || key.keyType !== 'secret' || key.app.publicId !== claims.app) return undefined
      return { app: key.app, keyType: 'embed', keyId: `et_${claims.jti}` } satisfies KeyCaller
    }
    const app = this.#apps.findAppByPublicId(claims.app)
    if (!app) return undefined
    const session = this.#accounts.findSession(claims.sid)
    if (!session || session.userId !== app.ownerId || this.#now() - session.lastVerifiedAt >= SESSION_IDLE_MS) return undefined
    return { app, keyType: 'secret', keyId: `session_${session.id}` } satisfies KeyCaller
  }

  #mint(claims: UnsignedClaims, ttlSeconds: number): IssuedToken {
    const exp = Math.floor(this.#now() / 1000) + ttlSeconds
    const token = signToken(this.#secret, { ...claims, exp, jti: randomId('', 10) })
    return { token, expiresAt: new Date(exp * 1000).toISOString() }
  }
}
