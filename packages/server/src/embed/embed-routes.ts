import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { AppParams } from '../apps/schemas'
import { callerOf, requireKeyType, type AppsService } from '../apps'
import { requireUser } from '../auth'
import { ApiError } from '../http/api-error'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseWith, readJson } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { AppTokens } from './app-tokens'
import { EmbedTokenBody, IssuedTokenSchema } from './schemas'

const MAX_BODY = 1024

/**
 * `POST /v1/embed-tokens` (secret key: a read-only token for the widget) and `POST /api/apps/{appId}/access-token`
 * (login session: the admin page's token for the public API).
 *
 * @example
 * registerEmbedRoutes(app, { apps, tokens })
 */
export function registerEmbedRoutes(app: OpenAPIHono<AppEnv>, services: { apps: AppsService; tokens: AppTokens }): void {
  const { apps, tokens } = services

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/embed-tokens',
      tags: ['Reports and insights'],
      security: [{ apiKey: [] }],
      summary: 'Mint a short-lived read-only token for the widget',
      description:
        'A secret API key only (not the admin page’s token). The token reads the reports and insights of this one app ' +
        'and nothing else, in their public form: no customer’s name, email, phone or `userId`, since it sits in a web ' +
        'page for anyone to copy. It dies with the key that minted it: expired, altered, or minted by a key since ' +
        'revoked, it answers `401`. The body may be omitted (`ttlSeconds` 600).',
      request: { body: { content: { 'application/json': { schema: EmbedTokenBody } }, required: false } },
      responses: { ...json(201, 'The token', IssuedTokenSchema), ...errors(400, 401, 403, 415, 429) },
    }),
    requireKeyType('secret'),
    async (c) => {
      const hasBody = c.req.header('content-type') !== undefined || Number(c.req.header('content-length') ?? 0) > 0
      const input = parseWith(EmbedTokenBody, hasBody ? await readJson(c, { maxBytes: MAX_BODY }) : {})
      const issued = tokens.mintEmbed(callerOf(c), input.ttlSeconds)
      // The token hangs on the API key that minted it; the admin page's token has no key to die with.
      if (!issued) throw new ApiError(403, 'forbidden', 'Embed tokens are minted with a secret API key (crm_sk_…), and die with it.')
      return c.json(issued, 201)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/apps/{appId}/access-token',
      tags: ['Apps and keys'],
      summary: 'A token for the admin page to call the public API as this app’s owner',
      description:
        'Acts as a secret key of the app for 15 minutes, and only while the login session lasts: logging out ends it. ' +
        'The admin page sends it as `Authorization: Bearer …`, so it travels with no cookie and cannot be forged cross-site.',
      request: { params: AppParams },
      responses: { ...json(201, 'The token', IssuedTokenSchema), ...errors(401, 403, 404) },
    }),
    requireUser,
    (c) => {
      const target = apps.ownedApp(c.get('user')!.id, c.req.param('appId')!)
      return c.json(tokens.mintAdmin(target, c.get('sessionId')!), 201)
    },
  )
}
