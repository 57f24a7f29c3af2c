import type { InsightNarrator } from '../assistant/insight-narrator'
import { type Interval, localDay } from '../calendar'
import type { PredictionSource } from '../customers'
import type { IngestionService } from '../ingestion'
import type { Ledgers, PurchaseLedger } from '../ledger'
import type { Logger } from '../logger'
import type { AppRow, AppsStore, InsightInputsStore, LedgerStore } from '../store'
import { BoundedCache } from './bounded-cache'
import { computeInsightFacts, forecastFacts, type InsightComputation, minorToMajor } from './compute-insight-facts'
import { customerHistories, historyIndexOf } from './customer-histories'
import { type CustomerModel, predictCustomer } from './customer-model'
import { insightTexts, type Language } from './insight-texts'
import { recomputeDelay } from './recompute-delay'
import { linkRefunds, orderRefunds, type RefundLinks, refundLinkSource } from './refund-links'
import { StatisticsThread } from './statistics-thread'
import { readCustomerHistories } from './stored-histories'
import { WARM_WINDOW_DAYS } from './warm-audience'
import { factsForModel, forecastView, recommendationView, renderInsights, trendView } from './render-insights'
import type { Insights, RecommendationView, TrendView } from './schemas'

export type AnalysisRequest = { asOf?: number | undefined; lang?: Language | undefined }

/** `narrate: false` skips the language model (the assistant's tools want the facts only). */
export type InsightsRequest = AnalysisRequest & { narrate?: boolean }

type Computed = InsightComputation & { generatedAt: number; version: number; timeZone: string }

/** A customer model being fitted: `fitted` once it is there; `large` when reads should not wait for it. */
type FittingModel = { model: Promise<CustomerModel>; fitted?: CustomerModel; large: boolean }

export type InsightsServiceOptions = {
  ledgers: Ledgers
  /** Where the customer model reads purchases when the app's ledger is not in memory. */
  ledgerStore: LedgerStore
  /** Which order each refund is of, refunds per order and customer, and customers' recent custom events. */
  insightInputs: InsightInputsStore
  apps: AppsStore
  ingestion: IngestionService
  narrator: InsightNarrator
  logger: Logger
  /** Wait after new data before recomputing an app's insights in the background. Default 2 s. */
  debounceMs?: number
  /** Longest a request waits for the model's summary before answering with the template (default 5 s). */
  narrationWaitMs?: number
}

// A request without `asOf` this close to now is about "now": it is served the live (background-refreshed) figures.
const NOW_TOLERANCE_MS = 60_000
// Live figures older than this are refreshed in the background even without new data (a month may have ended).
const LIVE_MAX_AGE_MS = 3_600_000

const pause = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The insights of each app: computed from its purchase ledger, cached, and recomputed in the background (debounced)
 * after new data arrives, spaced so that it takes at most a tenth of the server's time; a request is served from the
 * cache and ingestion never waits for the statistics. The customer model fitted with them gives each customer's
 * predictions.
 *
 * @example
 * const insights = await service.insights(app, { lang: 'en' })
 */
export class InsightsService {
  /** The latest computation "as of now" per app, kept fresh in the background once an app has asked for it. */
  readonly #live = new Map<number, Computed>()
  readonly #running = new Map<number, Promise<Computed>>()
  readonly #scheduled = new Map<number, NodeJS.Timeout>()
  /** How long each app's last live computation took, which spaces out the next background one. */
  readonly #durations = new Map<number, number>()
  readonly #pastComputations = new BoundedCache<string, Promise<Computed>>(16)
  readonly #models = new BoundedCache<string, FittingModel>(8)
  readonly #forecasts = new BoundedCache<string, ReturnType<typeof forecastFacts>>(64)
  /** Each app's refunds linked to their orders, for one version of its ledger (purchases or refunds added change it). */
  readonly #refundLinks = new Map<number, { version: number; links: RefundLinks }>()
  readonly #stopListening: () => void
  /** The customer model, RFM and product pairs are computed there, so the fits never hold up ingestion. */
  readonly #statistics: StatisticsThread
  #closed = false

  constructor(private readonly options: InsightsServiceOptions) {
    this.#statistics = new StatisticsThread(options.logger)
    this.#stopListening = options.ingestion.onCommit((appIds) => {
      for (const appId of appIds) if (this.#live.has(appId)) this.#schedule(appId)
    })
  }

  async insights(app: AppRow, request: InsightsRequest): Promise<Insights> {
    const computed = await this.#computation(app, request.asOf)
    const lang = request.lang ?? languageOf(app)
    const texts = insightTexts(lang, computed.facts.currency)
    const narration =
      request.narrate === false
        ? { summary: null, order: null, ai: this.options.narrator.idleStatus() }
        : await this.options.narrator.narrateWithin(
            factsForModel(computed.facts, texts),
            computed.facts.recommendations.map((fact) => fact.id),
            lang,
            this.options.narrationWaitMs ?? 5000,
          )
    return renderInsights(computed.facts, { lang, generatedAt: computed.generatedAt, narration })
  }

  async trends(app: AppRow, request: AnalysisRequest): Promise<{ data: TrendView[] }> {
    const { facts } = await this.#computation(app, request.asOf)
    const texts = insightTexts(request.lang ?? languageOf(app), facts.currency)
    return { data: facts.trends.map((fact) => trendView(fact, texts)) }
  }

  async recommendations(app: AppRow, request: AnalysisRequest): Promise<{ data: RecommendationView[] }> {
    const { facts } = await this.#computation(app, request.asOf)
    const texts = insightTexts(request.lang ?? languageOf(app), facts.currency)
    return { data: facts.recommendations.map((fact) => recommendationView(fact, texts)) }
  }

  async forecast(app: AppRow, request: AnalysisRequest & { interval?: Interval | undefined; horizon?: number | undefined }) {
    const texts = insightTexts(request.lang ?? languageOf(app), app.currency)
    let outcome: ReturnType<typeof forecastFacts>
    if (request.interval === undefined && request.horizon === undefined) {
      const { facts } = await this.#computation(app, request.asOf)
      outcome = { forecast: facts.forecast, reason: facts.forecastReason }
    } else {
      const ledger = await this.options.ledgers.ready(app)
      const asOf = request.asOf ?? Date.now()
      // Keyed by the day for "now", so repeated requests within a day reuse the forecast until new data comes.
      const asOfKey = request.asOf ?? `day-${localDay(asOf, app.timezone)}`
      const key = `${app.id}|${asOfKey}|${ledger.version}|${request.interval}|${request.horizon}|${app.currency}`
      outcome = this.#forecasts.getOrCreate(key, () => forecastFacts(ledger, asOf, app.currency, request))
    }
    return { forecast: outcome.forecast ? forecastView(outcome.forecast, texts) : null, reason: outcome.reason }
  }

  /**
   * Customer predictions for `CustomersService.predictions`: from the live model, or one fitted as of `asOf`. A large
   * app's model takes seconds to read after a restart: its customers come without predictions until it is there.
   */
  readonly predictions: PredictionSource = async (app, customer, { asOf, horizonDays }) => {
    const model = await this.#customerModel(app, asOf)
    const index = model && historyIndexOf(model.histories, customer.id)
    if (!model || index === undefined) return null
    const prediction = predictCustomer(model, index, horizonDays)
    if (!prediction) return null
    return {
      ...prediction,
      probabilityActive: round(prediction.probabilityActive, 4),
      expectedPurchases: round(prediction.expectedPurchases, 4),
      expectedRevenue: prediction.expectedRevenue === null ? null : round(prediction.expectedRevenue, 2),
    }
  }

  /** Waits for background work (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#running.values()])
  }

  close(): void {
    this.#closed = true
    this.#stopListening()
    for (const timer of this.#scheduled.values()) clearTimeout(timer)
    this.#scheduled.clear()
    void this.#statistics.close()
  }

  /**
   * The live model, or one fitted as of `asOf` in the statistics worker (cached), so a read never stalls the server;
   * undefined while a large app's model is still being read and fitted.
   */
  async #customerModel(app: AppRow, asOf: number): Promise<CustomerModel | undefined> {
    const live = this.#live.get(app.id)
    const aboutNow = Math.abs(asOf - Date.now()) < NOW_TOLERANCE_MS
    if (aboutNow && live) return live.model
    const key = aboutNow
      ? `${app.id}|now-${localDay(asOf, app.timezone)}`
      : `${app.id}|${asOf}|${this.options.ledgerStore.purchaseCount(app.id)}|${app.timezone}|${app.currency}`
    const fitting = this.#models.getOrCreate(key, () => this.#fitModel(app, asOf, key))
    return fitting.large && !fitting.fitted ? undefined : fitting.model
  }

  /**
   * Fits the customer model as of `asOf` on the app's ledger when a report or the insights hold it in memory already;
   * else on histories read from the store page by page, so that customer reads alone never bring every purchase of
   * the app, and its items, into memory (some 46 bytes a purchase: 80 MB at 1.7 million, for 4 MB of histories).
   */
  #fitModel(app: AppRow, asOf: number, key: string): FittingModel {
    const asOfDay = localDay(asOf, app.timezone)
    const ledger = this.options.ledgers.peek(app)
    const histories = ledger
      ? Promise.resolve(customerHistories(ledger, asOf, asOfDay, app.currency, orderRefunds(ledger, this.#linksOf(app, ledger), asOf)))
      : readCustomerHistories(this.options.ledgerStore, app, asOf, asOfDay, app.currency, pause, { refunds: this.options.insightInputs })
    const scale = minorToMajor(app.currency)
    const model = histories.then(async (histories): Promise<CustomerModel> => {
      const fits = await this.#statistics.run({ kind: 'customer-model', histories, minorToMajor: scale })
      return { asOfDay, ...fits, histories, minorToMajor: scale }
    })
    const fitting: FittingModel = { model, large: !ledger && this.options.ledgers.isLarge(app) }
    model.then(
      (fitted) => (fitting.fitted = fitted),
      (error: unknown) => {
        // Not cached: the next read tries again.
        this.#models.delete(key)
        this.options.logger.error('customer model failed', { appId: app.id, error: String(error) })
      },
    )
    return fitting
  }

  async #computation(app: AppRow, asOf: number | undefined): Promise<Computed> {
    if (asOf === undefined) {
      const live = this.#live.get(app.id)
      if (live && live.facts.currency === app.currency && live.timeZone === app.timezone) {
        if (Date.now() - live.generatedAt > LIVE_MAX_AGE_MS) this.#schedule(app.id)
        return live
      }
      return this.#recompute(app)
    }
    const ledger = await this.options.ledgers.ready(app)
    const key = `${app.id}|${asOf}|${ledger.version}|${app.timezone}|${app.currency}`
    return this.#pastComputations.getOrCreate(key, () => this.#compute(app, ledger, asOf))
  }

  async #compute(app: AppRow, ledger: PurchaseLedger, asOf: number): Promise<Computed> {
    const version = ledger.version
    const computation = await computeInsightFacts(ledger, app.currency, asOf, {
      pause,
      statistics: this.#statistics.run,
      refundLinks: this.#linksOf(app, ledger),
      activity: this.options.insightInputs.recentActivity(app.id, asOf, WARM_WINDOW_DAYS * 86_400_000),
    })
    return { ...computation, generatedAt: Date.now(), version, timeZone: app.timezone }
  }

  /**
   * The app's refunds linked to their orders in its ledger, brought up to date once per ledger version: the refunds
   * read since the last links when those still hold (appended purchases and refunds), else all of them (about 0.1 s
   * for 100 000). Nothing is read without refunds.
   */
  #linksOf(app: AppRow, ledger: PurchaseLedger): RefundLinks {
    const held = this.#refundLinks.get(app.id)
    if (held && held.version === ledger.version) return held.links
    const links = linkRefunds(ledger, refundLinkSource(this.options.insightInputs, app.id), held?.links)
    this.#refundLinks.set(app.id, { version: ledger.version, links })
    return links
  }

  /** Computes the live insights of an app (one computation at a time per app). */
  #recompute(app: AppRow): Promise<Computed> {
    const running = this.#running.get(app.id)
    if (running) return running
    const startedAt = performance.now()
    const started = this.options.ledgers
      .ready(app)
      .then((ledger) => this.#compute(app, ledger, Date.now()))
      .then((computed) => {
        if (!this.#closed) this.#live.set(app.id, computed)
        this.#durations.set(app.id, performance.now() - startedAt)
        this.#warmNarration(app, computed)
        return computed
      })
      .finally(() => this.#running.delete(app.id))
    this.#running.set(app.id, started)
    return started
  }

  /** Starts the model's summary in the app's language, so the next request finds it cached. */
  #warmNarration(app: AppRow, computed: Computed): void {
    const texts = insightTexts(languageOf(app), computed.facts.currency)
    void this.options.narrator.narrate(factsForModel(computed.facts, texts), computed.facts.recommendations.map((fact) => fact.id), languageOf(app))
  }

  #schedule(appId: number): void {
    if (this.#scheduled.has(appId) || this.#closed) return
    const timer = setTimeout(() => {
      this.#scheduled.delete(appId)
      const app = this.options.apps.findAppById(appId)
      if (!app || this.#closed) return
      const started = performance.now()
      this.#recompute(app)
        .then(() => this.options.logger.debug('insights recomputed', { appId, ms: Math.round(performance.now() - started) }))
        .catch((error: unknown) => this.options.logger.error('insights recomputation failed', { appId, error: String(error) }))
    }, recomputeDelay(this.options.debounceMs ?? 2000, this.#durations.get(appId) ?? 0))
    timer.unref()
    this.#scheduled.set(appId, timer)
  }
}

function languageOf(app: AppRow): Language {
  return app.language === 'ru' ? 'ru' : 'en'
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits
}
