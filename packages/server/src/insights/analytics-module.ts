import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Config } from '../config'
import type { CustomersService } from '../customers'
import type { AppEnv } from '../http/env'
import type { IngestionService } from '../ingestion'
import { Ledgers } from '../ledger'
import type { Logger } from '../logger'
import { ReportsService, registerReportsRoutes } from '../reports'
import type { Stores } from '../store'

export type AnalyticsModule = {
  ledgers: Ledgers
  reports: ReportsService
  /** Registers the report, insight and assistant routes. */
  register(app: OpenAPIHono<AppEnv>): void
  close(): void
}

export type AnalyticsModuleOptions = {
  config: Config
  logger: Logger
  stores: Stores
  ingestion: IngestionService
  customers: CustomersService
}

/**
 * Reports, insights, customer predictions and the assistant, wired over the stores: what `createCrm` adds to the
 * server for them.
 *
 * @example
 * const analytics = createAnalyticsModule({ config, logger, stores, ingestion, customers })
 * analytics.register(app)
 */
export function createAnalyticsModule(options: AnalyticsModuleOptions): AnalyticsModule {
  const ledgers = new Ledgers(options.stores.ledger)
  const reports = new ReportsService(ledgers, options.stores.ledger)
  return {
    ledgers,
    reports,
    register(app) {
      registerReportsRoutes(app, reports)
    },
    close() {},
  }
}
