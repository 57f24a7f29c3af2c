import type { OpenAPIHono } from '@hono/zod-openapi'
import { Assistant, assistantTools, embedAssistantTools, InsightNarrator, LanguageModel, registerAssistantRoutes, reportModelAvailability } from '../assistant'
import type { Config } from '../config'
import type { CustomersService } from '../customers'
import { EventLogs } from '../event-log'
import type { AppEnv } from '../http/env'
import type { IngestionService } from '../ingestion'
import { Ledgers } from '../ledger'
import type { Logger } from '../logger'
import { EventsReportService, ReportsService, registerEventsReportRoutes, registerReportsRoutes } from '../reports'
import type { Stores } from '../store'
import { registerInsightsRoutes } from './insights-routes'
import { InsightsService } from './insights-service'

export type AnalyticsModule = {
  ledgers: Ledgers
  reports: ReportsService
  /** The events report, from each app's custom events held in memory. */
  eventsReport: EventsReportService
  insights: InsightsService
  llm: LanguageModel
  assistant: Assistant
  /** The assistant of embed tokens' questions: its tools show the model no customer. */
  embedAssistant: Assistant
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
  /** Background recomputation delay after new data (default 2 s). */
  debounceMs?: number
  /** Time-out of one language-model answer (default 30 s). */
  aiTimeoutMs?: number
}

/**
 * Reports, insights, customer predictions and the assistant, wired over the stores: what `createCrm` adds to the
 * server for them. Sets `customers.predictions`, and logs (without waiting) whether the language model is there.
 *
 * @example
 * const analytics = createAnalyticsModule({ config, logger, stores, ingestion, customers })
 * analytics.register(app)
 */
export function createAnalyticsModule(options: AnalyticsModuleOptions): AnalyticsModule {
  const { config, logger } = options
  const ledgers = new Ledgers(options.stores.ledger)
  const reports = new ReportsService(ledgers, options.stores.ledger)
  const eventsReport = new EventsReportService(new EventLogs(options.stores.eventLog))
  const llm = new LanguageModel({ enabled: config.aiEnabled, host: config.ollamaHost, model: config.aiModel, timeoutMs: options.aiTimeoutMs ?? 30_000 })
  const insights = new InsightsService({
    ledgers,
    ledgerStore: options.stores.ledger,
    insightInputs: options.stores.insightInputs,
    apps: options.stores.apps,
    ingestion: options.ingestion,
    narrator: new InsightNarrator(llm),
    logger,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
  })
  options.customers.predictions = insights.predictions
  const tools = assistantTools({ reports, insights, customers: options.customers })
  const assistant = new Assistant(llm, tools)
  const embedAssistant = new Assistant(llm, embedAssistantTools(tools))
  void reportModelAvailability(llm, (level, message) => logger[level](message))
  return {
    ledgers,
    reports,
    eventsReport,
    insights,
    llm,
    assistant,
    embedAssistant,
    register(app) {
      registerReportsRoutes(app, reports)
      registerEventsReportRoutes(app, eventsReport)
      registerInsightsRoutes(app, insights)
      registerAssistantRoutes(app, { assistant, embedAssistant })
    },
    close() {
      insights.close()
    },
  }
}
