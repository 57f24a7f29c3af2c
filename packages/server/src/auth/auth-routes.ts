import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { AppSchema, NewKeysSchema } from '../apps/schemas'
import { endpoint } from '../http/endpoint'
import type { AppEnv, SessionUser } from '../http/env'
import { parseWith, readJson } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { AuthService } from './auth-service'
import { LoginBody, SignupBody, UserSchema } from './schemas'
import { clearSessionCookie, requireUser, setSessionCookie } from './session-cookie'

const MAX_BODY = 16 * 1024

const userView = (user: SessionUser) => ({ ...user, createdAt: new Date(user.createdAt).toISOString() })

/**
 * Sign-up, log-in, log-out and the current user (`/api/auth/*`).
 *
 * @example
 * registerAuthRoutes(app, auth)
 */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, auth: AuthService): void {
  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/auth/signup',
      tags: ['Accounts'],
      summary: 'Create an account, its first app and that app’s keys',
      description:
        'The keys are shown only in this response. Sets the session cookie. One client IP may sign up a limited ' +
        'number of times an hour (`CRM_SIGNUP_LIMIT_IP`, 20 by default); past it, `429` with `Retry-After`.',
      request: { body: { content: { 'application/json': { schema: SignupBody } }, required: true } },
      responses: {
        ...json(201, 'Signed up', z.object({ user: UserSchema, app: AppSchema, apiKeys: NewKeysSchema })),
        ...errors(400, 403, 409, 415, 429),
      },
    }),
    async (c) => {
      const input = parseWith(SignupBody, await readJson(c, { maxBytes: MAX_BODY }))
      const { user, token, app: created, apiKeys } = await auth.signup(input, c.get('clientIp'))
      setSessionCookie(c, token)
      return c.json({ user: userView(user), app: created, apiKeys }, 201)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['Accounts'],
      summary: 'Log in',
      description:
        'Answers the same `401 invalid_credentials` for an unknown email and a wrong password; `429` after repeated ' +
        'failures (5 an email, 30 a client IP, in 15 minutes). An attempt counts before its password is checked, so ' +
        'guesses sent in parallel stop at the limit too.',
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: { ...json(200, 'Logged in', z.object({ user: UserSchema })), ...errors(400, 401, 403, 429) },
    }),
    async (c) => {
      const input = parseWith(LoginBody, await readJson(c, { maxBytes: MAX_BODY }))
      const { user, token } = await auth.login(input.email, input.password, c.get('clientIp'))
      setSessionCookie(c, token)
      return c.json({ user: userView(user) }, 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['Accounts'],
      summary: 'Log out',
      responses: { 204: { description: 'Logged out' }, ...errors(403) },
    }),
    (c) => {
      const sessionId = c.get('sessionId')
      if (sessionId) auth.logout(sessionId)
      clearSessionCookie(c)
      return c.body(null, 204)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['Accounts'],
      summary: 'The signed-in user',
      responses: { ...json(200, 'The user', z.object({ user: UserSchema })), ...errors(401) },
    }),
    requireUser,
    (c) => c.json({ user: userView(c.get('user')!) }, 200),
  )
}
