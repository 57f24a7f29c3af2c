import type { KeyCaller } from '../http/env'
import type { EmbedInsights, EmbedRecommendation, Insights, RecommendationView } from '../insights/schemas'
import type { EmbedSalesReport, SalesReport } from '../reports/schemas'

// An embed token sits in a web page for anyone to copy, so what it reads holds no personal data: no customer's name,
// email, phone or userId. The answers below are the only ones that hold any (top customers, audiences); the rest
// (totals, series, products, trends, forecasts, segments, and the texts, written from figures, products and periods)
// are public as they are.

/**
 * Whether `caller` reads the embed form of answers (see `readableBy`): the one place that decides it.
 *
 * @example
 * readsEmbedForm(callerOf(c)) // true for a widget's token, false for a secret key or the admin page
 */
export function readsEmbedForm(caller: KeyCaller): boolean {
  return caller.keyType === 'embed'
}

/**
 * What `caller` may read of an answer: the answer itself for an API key or the admin page, `embedForm(answer)` for an
 * embed token.
 *
 * @example
 * c.json(readableBy(callerOf(c), report, embedSalesReport), 200)
 */
export function readableBy<Full, Embed>(caller: KeyCaller, answer: Full, embedForm: (answer: Full) => Embed): Full | Embed {
  return readsEmbedForm(caller) ? embedForm(answer) : answer
}

/**
 * The sales report without who its top customers are: each keeps its rank, revenue and orders.
 *
 * @example
 * embedSalesReport(report).topCustomers // [{ rank: 1, revenue: 30, orders: 2 }, …]
 */
export function embedSalesReport(report: SalesReport): EmbedSalesReport {
  const { topCustomers, ...figures } = report
  return { ...figures, topCustomers: topCustomers.map(({ revenue, orders }, index) => ({ rank: index + 1, revenue, orders })) }
}

/**
 * A recommendation whose audience is a count only.
 *
 * @example
 * embedRecommendation(recommendation).audience // { count: 120 }
 */
export function embedRecommendation(recommendation: RecommendationView): EmbedRecommendation {
  const { audience, ...rest } = recommendation
  return audience ? { ...rest, audience: { count: audience.count } } : rest
}

/**
 * The list of `GET /v1/insights/recommendations`, audiences as counts.
 *
 * @example
 * embedRecommendations({ data: [recommendation] }) // { data: [{ …, audience: { count: 120 } }] }
 */
export function embedRecommendations(list: { data: RecommendationView[] }): { data: EmbedRecommendation[] } {
  return { data: list.data.map(embedRecommendation) }
}

/**
 * The insights with their recommendations' audiences as counts.
 *
 * @example
 * embedInsights(insights).recommendations[0].audience // { count: 120 }
 */
export function embedInsights(insights: Insights): EmbedInsights {
  return { ...insights, recommendations: insights.recommendations.map(embedRecommendation) }
}

/**
 * The embed form of an answer that names no customer (trends, forecasts): the answer itself.
 *
 * @example
 * readableBy(caller, trends, asIs)
 */
export function asIs<Answer>(answer: Answer): Answer {
  return answer
}
