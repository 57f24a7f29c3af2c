import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { ApiError } from '../http/api-error'
import type { AppEnv } from '../http/env'
import type { AuthService } from './auth-service'
import { SESSION_IDLE_MS } from './auth-service'

export const SESSION_COOKIE = 'crm_session'

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when the request came over HTTPS.
 *
 * @example
 * setSessionCookie(c, token)
 */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  })
}

/**
 * Removes the session cookie.
 *
 * @example
 * clearSessionCookie(c)
 */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
}

/**
 * Loads the signed-in user from the session cookie, when there is a valid one, and renews the cookie's lifetime.
 *
 * @example
 * app.use('/api/*', loadSession(auth))
 */
export function loadSession(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const session = auth.validateSession(token)
      if (session) {
        c.set('user', session.user)
        c.set('sessionId', session.sessionId)
        setSessionCookie(c, token)
      }
    }
    await next()
  }
}

/**
 * `401 unauthorized` unless a session is loaded.
 *
 * @example
 * app.get('/api/apps', requireUser, handler)
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw new ApiError(401, 'unauthorized', 'Log in first.')
  await next()
}

/**
 * Refuses (`403`) a state-changing request that comes from another origin. A request carrying the session cookie
 * must prove its origin (the `Origin` header, or `Sec-Fetch-Site: same-origin`); one from a different origin is
 * refused even without a cookie, so another site cannot log a visitor in or sign them up.
 *
 * @example
 * app.use('/api/*', sameOriginOnly)
 */
export const sameOriginOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next()
  const origin = c.req.header('origin')
  const fetchSite = c.req.header('sec-fetch-site')
  const ownOrigin = c.get('origin')
  const crossOrigin = (origin !== undefined && origin !== ownOrigin) || (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none')
  const unproven = origin === undefined && fetchSite === undefined && getCookie(c, SESSION_COOKIE) !== undefined
  if (crossOrigin) {
    throw new ApiError(403, 'forbidden', 'Cross-origin requests that change state are refused; send them from the admin page.')
  }
  // Browsers always send Origin; a script with the cookie (curl, a test) is told what to add.
  if (unproven) {
    throw new ApiError(403, 'forbidden', `A request with the session cookie that changes state must show its origin: send the header Origin: ${ownOrigin}.`)
  }
  await next()
}

function isHttps(c: Context<AppEnv>): boolean {
  return c.get('origin').startsWith('https:')
}
