import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { requireUser } from '../auth/session-cookie'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseWith, readJson } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { AppsService } from './apps-service'
import {
  AppParams,
  AppSchema,
  CreateAppBody,
  CreatedKeySchema,
  CreateKeyBody,
  KeyParams,
  NewKeysSchema,
  UpdateAppBody,
} from './schemas'

const MAX_BODY = 16 * 1024
const tags = ['Apps and keys']

/**
 * Apps and API keys for the signed-in user (`/api/apps/*`).
 *
 * @example
 * registerAppsRoutes(app, apps)
 */
export function registerAppsRoutes(app: OpenAPIHono<AppEnv>, apps: AppsService): void {
  endpoint(
    app,
    createRoute({
      method: 'get',
      path: '/api/apps',
      tags,
      summary: 'List your apps and their keys',
      responses: { ...json(200, 'Apps', z.object({ data: z.array(AppSchema) })), ...errors(401) },
    }),
    requireUser,
    (c) => c.json({ data: apps.listApps(c.get('user')!.id) }, 200),
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/apps',
      tags,
      summary: 'Create an app with a publishable and a secret key',
      description: 'The keys are shown only in this response.',
      request: { body: { content: { 'application/json': { schema: CreateAppBody } }, required: true } },
      responses: { ...json(201, 'Created', z.object({ app: AppSchema, apiKeys: NewKeysSchema })), ...errors(400, 401, 403) },
    }),
    requireUser,
    async (c) => {
      const input = parseWith(CreateAppBody, await readJson(c, { maxBytes: MAX_BODY }))
      return c.json(apps.createApp(c.get('user')!.id, input), 201)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'patch',
      path: '/api/apps/{appId}',
      tags,
      summary: 'Change an app’s name, currency, time zone or language',
      request: { params: AppParams, body: { content: { 'application/json': { schema: UpdateAppBody } }, required: true } },
      responses: { ...json(200, 'Updated', z.object({ app: AppSchema })), ...errors(400, 401, 403, 404) },
    }),
    requireUser,
    async (c) => {
      const target = apps.ownedApp(c.get('user')!.id, c.req.param('appId')!)
      const input = parseWith(UpdateAppBody, await readJson(c, { maxBytes: MAX_BODY }))
      return c.json({ app: apps.updateApp(target, input) }, 200)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/api/apps/{appId}/keys',
      tags,
      summary: 'Create an API key',
      description: 'The key is shown only in this response.',
      request: { params: AppParams, body: { content: { 'application/json': { schema: CreateKeyBody } }, required: true } },
      responses: { ...json(201, 'Created', CreatedKeySchema), ...errors(400, 401, 403, 404) },
    }),
    requireUser,
    async (c) => {
      const target = apps.ownedApp(c.get('user')!.id, c.req.param('appId')!)
      const input = parseWith(CreateKeyBody, await readJson(c, { maxBytes: MAX_BODY }))
      return c.json(apps.createKey(target, input.type, input.name ?? null), 201)
    },
  )

  endpoint(
    app,
    createRoute({
      method: 'delete',
      path: '/api/apps/{appId}/keys/{keyId}',
      tags,
      summary: 'Revoke an API key',
      description: 'The key answers `401` from then on.',
      request: { params: KeyParams },
      responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
    }),
    requireUser,
    (c) => {
      const target = apps.ownedApp(c.get('user')!.id, c.req.param('appId')!)
      apps.revokeKey(target, c.req.param('keyId')!)
      return c.body(null, 204)
    },
  )
}
