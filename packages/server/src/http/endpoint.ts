import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi'
import type { Handler, MiddlewareHandler } from 'hono'
import type { AppEnv } from './env'

/**
 * Registers a route with Hono and describes it, from the same zod schemas the handler validates with, in the
 * OpenAPI document. Handlers read and validate their own input (`readJson`, `parseWith`), so every endpoint
 * answers bad input with the contract's error shape.
 *
 * @example
 * endpoint(app, createRoute({ method: 'get', path: '/v1/customers/{userId}', ... }), requireSecretKey, handler)
 */
export function endpoint(
  app: OpenAPIHono<AppEnv>,
  route: RouteConfig,
  ...handlers: [...MiddlewareHandler<AppEnv>[], Handler<AppEnv>]
): void {
  app.openAPIRegistry.registerPath(route)
  const path = route.path.replace(/\{(\w+)\}/g, ':$1')
  app.on(route.method.toUpperCase(), path, ...(handlers as [Handler<AppEnv>]))
}
