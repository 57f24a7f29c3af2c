import type { AiStatus } from '../assistant/language-model'
import type { ForecastFact, InsightFacts, RecommendationFact, TrendFact } from './insight-facts'
import { insightTexts, type Language } from './insight-texts'
import type { ForecastView, Insights, RecommendationView, TrendView } from './schemas'

type Texts = ReturnType<typeof insightTexts>

/** A trend fact with its description. */
export function trendView(fact: TrendFact, texts: Texts): TrendView {
  return { ...fact, description: texts.trend(fact) }
}

/** The forecast with its description. */
export function forecastView(fact: ForecastFact, texts: Texts): ForecastView {
  const { lastActual: _lastActual, recentTotal: _recentTotal, ...forecast } = fact
  return { ...forecast, description: texts.forecast(fact) }
}

/** A recommendation with its title and rationale. */
export function recommendationView(fact: RecommendationFact, texts: Texts): RecommendationView {
  const { subject: _subject, ...rest } = fact
  return { ...rest, ...texts.recommendation(fact) }
}

/**
 * What the language model is given: the facts with their template texts (which it may rephrase), no more.
 *
 * @example
 * const facts = factsForModel(insightFacts, insightTexts('en', 'USD'))
 */
export function factsForModel(facts: InsightFacts, texts: Texts) {
  return {
    currency: facts.currency,
    asOf: new Date(facts.asOf).toISOString().slice(0, 10),
    headline: facts.headline,
    trends: facts.trends.map((fact) => ({ id: fact.id, description: texts.trend(fact) })),
    forecast: facts.forecast
      ? { method: facts.forecast.method, beatsSeasonalNaive: facts.forecast.beatsBaseline, points: facts.forecast.points, backtest: facts.forecast.backtest }
      : { reason: facts.forecastReason },
    segments: facts.segments.filter((segment) => segment.customers > 0).slice(0, 6),
    recommendations: facts.recommendations.map((fact) => ({ id: fact.id, ...texts.recommendation(fact), expectedImpact: fact.expectedImpact })),
  }
}

/**
 * The insights answer in a language: template texts from the facts, or the model's summary and ranking when it
 * produced a valid one.
 *
 * @example
 * renderInsights(facts, { lang: 'ru', generatedAt, narration: { summary: null, order: null, ai: { status: 'disabled' } } })
 */
export function renderInsights(
  facts: InsightFacts,
  options: { lang: Language; generatedAt: number; narration: { summary: string | null; order: string[] | null; ai: AiStatus } },
): Insights {
  const texts = insightTexts(options.lang, facts.currency)
  const order = options.narration.order
  const recommendations = order
    ? [...facts.recommendations].sort((left, right) => rank(order, left.id) - rank(order, right.id))
    : facts.recommendations
  return {
    generatedAt: new Date(options.generatedAt).toISOString(),
    asOf: new Date(facts.asOf).toISOString(),
    currency: facts.currency,
    ai: options.narration.ai,
    summary: options.narration.summary ?? texts.summary(facts),
    trends: facts.trends.map((fact) => trendView(fact, texts)),
    forecast: facts.forecast ? forecastView(facts.forecast, texts) : null,
    forecastReason: facts.forecastReason,
    segments: facts.segments.map((segment) => ({ ...segment, name: texts.segmentName(segment.segment) })),
    recommendations: recommendations.map((fact) => recommendationView(fact, texts)),
    productPairs: facts.productPairs,
    baskets: facts.baskets,
    customerModel: facts.customerModel,
  }
}

function rank(order: readonly string[], id: string): number {
  const position = order.indexOf(id)
  return position === -1 ? order.length : position
}
