import type { OpenAPIHono } from '@hono/zod-openapi'
import { AppsService } from './apps'
import { AuthService } from './auth'
import type { Config } from './config'
import { CustomersService } from './customers'
import { registerAdminRoutes } from './admin'
import { AppTokens, registerEmbedRoutes, SigningSecretStore } from './embed'
import { createHttpApp, type HttpServices } from './http/create-http-app'
import type { AppEnv } from './http/env'
import { IngestionService, InThreadWriter, WriterThread } from './ingestion'
import { type AnalyticsModule, createAnalyticsModule } from './insights'
import { createLogger, type Logger } from './logger'
import { registerSdkRoutes } from './sdk-distribution'
import { createStores, openDatabase, WalCheckpointer, type Stores } from './store'

export type Crm = {
  app: OpenAPIHono<AppEnv>
  stores: Stores
  services: HttpServices
  /** Reports, insights, predictions and the assistant. */
  analytics: AnalyticsModule
  logger: Logger
  /** Waits for pending writes, flushes buffered key use and closes the database. */
  close(): Promise<void>
}

/**
 * Builds the CRM: opens the database (migrating it), wires the services and returns the HTTP app.
 * `main.ts` serves it; tests call `crm.app.request()` or serve it on a random port.
 *
 * @example
 * const crm = createCrm(loadConfig({ CRM_DATABASE: ':memory:' }))
 * const res = await crm.app.request('/openapi.json')
 */
export function createCrm(config: Config, options: { logger?: Logger } = {}): Crm {
  const logger = options.logger ?? createLogger(config.logLevel)
  const inMemory = config.databasePath === ':memory:'
  // With a file, this connection mostly reads (the writer thread has its own, of the same 16 MiB).
  const stores = createStores(openDatabase(config.databasePath, { synchronous: config.synchronous, cacheMiB: inMemory ? 32 : 16 }))
  const apps = new AppsService(stores.apps)
  const inThread = new InThreadWriter(stores.ingestion, stores.totals)
  // A file gets a writer thread and a checkpointer, each with its own connection; an in-memory database exists
  // only on this connection.
  const checkpointer = inMemory ? undefined : new WalCheckpointer(stores.db, config.databasePath, logger)
  const writer = inMemory
    ? inThread
    : new WriterThread({ path: config.databasePath, synchronous: config.synchronous, checkpointInCommits: false }, inThread, logger)
  const ingestion = new IngestionService(writer)
  const services: HttpServices = {
    apps,
    auth: new AuthService(stores.accounts, apps, { signupsPerIpPerHour: config.signupLimitPerIp }),
    ingestion,
    // Refreshed on the writer: on this connection, a refresh after a heavy load held the event loop for seconds.
    customers: new CustomersService(stores.customers, () => ingestion.refreshTotals()),
  }
  const analytics = createAnalyticsModule({ config, logger, stores, ingestion: services.ingestion, customers: services.customers })
  const tokens = new AppTokens({ secrets: new SigningSecretStore(stores.db), keys: apps, apps: stores.apps, accounts: stores.accounts })
  const app = createHttpApp({
    config,
    logger,
    services,
    tokenVerifiers: [tokens.verify],
    extend(app) {
      registerEmbedRoutes(app, { apps, tokens })
      analytics.register(app)
      registerAdminRoutes(app)
      registerSdkRoutes(app)
    },
  })
  return {
    app,
    stores,
    services,
    analytics,
    logger,
    async close() {
      await services.ingestion.close()
      await checkpointer?.close()
      analytics.close()
      apps.close()
      stores.db.close()
    },
  }
}
