import { OpenAPIHono } from '@hono/zod-openapi'
import { secureHeaders } from 'hono/secure-headers'
import { authenticateKey, registerAppsRoutes, type AppsService, type TokenVerifier } from '../apps'
import { loadSession, registerAuthRoutes, sameOriginOnly, type AuthService } from '../auth'
import type { Config } from '../config'
import { registerCustomersRoutes, type CustomersService } from '../customers'
import { registerIngestionRoutes, type IngestionService } from '../ingestion'
import type { Logger } from '../logger'
import { renderReferencePage } from '../openapi'
import type { AppEnv } from './env'
import { errorHandler, notFoundHandler } from './error-handler'
import { publicApiCors } from './public-api-cors'
import { publicOrigin } from './public-origin'
import { clientIp } from './client-ip'
import { KeyRateLimit, limitPerIp } from './rate-limits'
import { requestLog } from './request-log'

export type HttpServices = {
  auth: AuthService
  apps: AppsService
  ingestion: IngestionService
  customers: CustomersService
}

export type HttpAppOptions = {
  config: Config
  logger: Logger
  services: HttpServices
  /** Extra verifiers for bearer tokens that are not API keys (embed tokens). */
  tokenVerifiers?: TokenVerifier[]
  /** Further routes (reports, insights, the admin page, the widget) registered by their own modules. */
  extend?: (app: OpenAPIHono<AppEnv>) => void
}

/**
 * The whole HTTP surface: middleware in order (request log, security headers, client IP, IP rate limit; CORS, key
 * auth and key rate limit on `/v1`; public origin, same-origin check and session on `/api`), every feature's routes
 * and the OpenAPI document.
 *
 * @example
 * const app = createHttpApp({ config, logger, services })
 * await app.request('/openapi.json')
 */
export function createHttpApp(options: HttpAppOptions): OpenAPIHono<AppEnv> {
  const { config, logger, services } = options
  const app = new OpenAPIHono<AppEnv>()

  app.use(requestLog(logger))
  app.use(secureHeaders({ crossOriginResourcePolicy: false, crossOriginOpenerPolicy: 'same-origin' }))
  app.use(clientIp(config.trustProxy), limitPerIp({ ratePerSecond: config.rateLimitPerIp }))

  // The public API is called with keys, not cookies: any origin may call it, no credentials travel.
  app.use('/v1/*', publicApiCors({ methods: ['GET', 'POST'], headers: ['Authorization', 'Content-Type'] }))
  app.use(
    '/v1/*',
    authenticateKey(services.apps, { optional: (path) => path === '/v1/batch', verifiers: options.tokenVerifiers ?? [] }),
  )
  const keyLimit = new KeyRateLimit({ ratePerSecond: config.rateLimitPerKey })
  app.use('/v1/*', keyLimit.middleware)
  // Only the session's routes need the origin the client used (the same-origin check, the cookie's Secure flag).
  app.use('/api/*', publicOrigin({ trustProxy: config.trustProxy }), sameOriginOnly, loadSession(services.auth))

  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: '`crm_pk_…` (publishable: ingestion only) or `crm_sk_…` (secret: everything) key, or an embed token',
  })
  registerAuthRoutes(app, services.auth)
  registerAppsRoutes(app, services.apps)
  registerIngestionRoutes(app, { ...services, admitKey: keyLimit.admit })
  registerCustomersRoutes(app, services.customers)
  options.extend?.(app)

  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'CRM API',
      version: '0.1.0',
      description:
        'Ingestion, customer base, reports and insights. Errors: `{"error": {"code", "message", "issues"?}}`. ' +
        'Lists: `?limit=` (1..200, default 50) and `?cursor=`, answering `{data, nextCursor}`. Money in major units.',
    },
  })
  const documentJson = JSON.stringify(document)
  const referencePage = renderReferencePage(document as unknown as Parameters<typeof renderReferencePage>[0])
  app.get('/openapi.json', (c) => c.body(documentJson, 200, { 'content-type': 'application/json; charset=utf-8' }))
  app.get('/docs', (c) => c.html(referencePage))

  app.onError(errorHandler(logger))
  app.notFound(notFoundHandler)
  return app
}
