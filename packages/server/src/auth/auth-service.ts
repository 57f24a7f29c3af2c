import type { AppsService, AppView, NewKeys } from '../apps/apps-service'
import { ApiError } from '../http/api-error'
import type { SessionUser } from '../http/env'
import { randomId } from '../ids'
import { AttemptWindow } from '../rate-limit'
import type { AccountsStore, UserRow } from '../store'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password'
import { createSessionToken, parseSessionToken, secretMatches } from './session-token'

/** A session ends after this long without use. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000
/** Using a session pushes its expiry forward, but writes at most this often. */
const SESSION_TOUCH_MS = 60 * 60 * 1000

export type SignupInput = { name: string; email: string; password: string }
export type SignedIn = { user: SessionUser; token: string }

const toUser = (row: UserRow): SessionUser => ({ id: row.id, name: row.name, email: row.email, createdAt: row.createdAt })

/**
 * Accounts and sessions, built as the Lucia guide builds them: a `<id>.<secret>` token, only the SHA-256 of the
 * secret stored, constant-time comparison and a sliding expiry. Passwords are Argon2id; log-in attempts are limited
 * per email and per IP, sign-ups per IP.
 *
 * @example
 * const auth = new AuthService(stores.accounts, apps, { signupsPerIpPerHour: 20 })
 * const { user, token } = await auth.login('ada@example.com', 'correct horse', '203.0.113.7')
 */
export class AuthService {
  // Counted before the password is checked, and forgiven when it was right.
  readonly #loginsByEmail = new AttemptWindow({ maxAttempts: 5, windowMs: 15 * 60_000 })
  readonly #loginsByIp = new AttemptWindow({ maxAttempts: 30, windowMs: 15 * 60_000 })
  readonly #signupsByIp: AttemptWindow

  constructor(
    private readonly accounts: AccountsStore,
    private readonly apps: AppsService,
    options: { signupsPerIpPerHour: number },
  ) {
    this.#signupsByIp = new AttemptWindow({ maxAttempts: options.signupsPerIpPerHour, windowMs: 60 * 60_000 })
  }

  /**
   * Creates the account, its first app and that app's keys in one transaction, and signs the user in; `429` once
   * `ip` has signed up too often this hour (each sign-up hashes a password, so a flood would slow every log-in).
   */
  async signup(input: SignupInput, ip: string): Promise<SignedIn & { app: AppView; apiKeys: NewKeys }> {
    throwIfWaiting(this.#signupsByIp.retryAfterSeconds(ip), 'Too many sign-ups from this address; try again later.')
    this.#signupsByIp.count(ip)
    const email = input.email.toLowerCase()
    if (this.accounts.findUserByEmail(email)) throw emailTaken()
    const passwordHash = await hashPassword(input.password)
    const user: UserRow = { id: randomId('usr_', 10), name: input.name, email, passwordHash, createdAt: Date.now() }
    const created = this.accounts.transaction(() => {
      if (this.accounts.findUserByEmail(email)) throw emailTaken()
      this.accounts.insertUser(user)
      return this.apps.createApp(user.id, { name: `${input.name}'s app`, currency: 'USD', timezone: 'UTC', language: 'en' })
    })
    return { user: toUser(user), token: this.#startSession(user.id), ...created }
  }

  /** Signs in; the same `401` for an unknown email and a wrong password, `429` after repeated failures. */
  async login(email: string, password: string, ip: string): Promise<SignedIn> {
    const normalized = email.toLowerCase()
    const wait = Math.max(this.#loginsByEmail.retryAfterSeconds(normalized), this.#loginsByIp.retryAfterSeconds(ip))
    throwIfWaiting(wait, 'Too many failed log-ins; try again later.')
    // Counted now, before the check awaits: parallel guesses see each other's attempts.
    this.#loginsByEmail.count(normalized)
    this.#loginsByIp.count(ip)
    const user = this.accounts.findUserByEmail(normalized)
    const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false)
    if (!user || !valid) throw new ApiError(401, 'invalid_credentials', 'The email or the password is wrong.')
    this.#loginsByEmail.reset(normalized)
    this.#loginsByIp.forgive(ip)
    return { user: toUser(user), token: this.#startSession(user.id) }
  }

  /** The user a session token belongs to, refreshing its expiry; undefined when invalid or expired. */
  validateSession(token: string): { user: SessionUser; sessionId: string } | undefined {
    const parsed = parseSessionToken(token)
    if (!parsed) return undefined
    const session = this.accounts.findSession(parsed.id)
    if (!session || !secretMatches(parsed.secret, session.secretHash)) return undefined
    const now = Date.now()
    if (now - session.lastVerifiedAt >= SESSION_IDLE_MS) {
      this.accounts.deleteSession(session.id)
      return undefined
    }
    if (now - session.lastVerifiedAt >= SESSION_TOUCH_MS) this.accounts.touchSession(session.id, now)
    const user = this.accounts.findUserById(session.userId)
    return user ? { user: toUser(user), sessionId: session.id } : undefined
  }

  logout(sessionId: string): void {
    this.accounts.deleteSession(sessionId)
  }

  #startSession(userId: string): string {
    const session = createSessionToken()
    const now = Date.now()
    this.accounts.insertSession({ id: session.id, userId, secretHash: session.secretHash, createdAt: now, lastVerifiedAt: now })
    this.accounts.deleteSessionsIdleSince(now - SESSION_IDLE_MS)
    return session.token
  }
}

function throwIfWaiting(retryAfterSeconds: number, message: string): void {
  if (retryAfterSeconds > 0) {
    throw new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': String(retryAfterSeconds) })
  }
}

function emailTaken(): ApiError {
  return new ApiError(409, 'conflict', 'An account with this email already exists.', [
    { path: 'email', message: 'is already registered' },
  ])
}
