import type { Recommendation } from '../contract-types'
import { htmlNode } from '../html-node'
import { defineView } from './view'

type RecommendationsResponse = Recommendation[] | { data?: Recommendation[]; recommendations?: Recommendation[] }

/**
 * Takes the list out of a bare array, `{data}` or `{recommendations}` answer.
 *
 * @example
 * readList({ data: [a, b] }) // [a, b]
 */
export function readList<T>(body: T[] | { data?: T[]; recommendations?: T[] } | null): T[] {
  if (Array.isArray(body)) return body
  return body?.data ?? body?.recommendations ?? []
}

/** `view="recommendations"`: each recommendation's title, rationale and audience size. */
export const recommendationsView = defineView<Recommendation[]>({
  load: async ({ request, lang, asOf }) =>
    readList(await request<RecommendationsResponse>('v1/insights/recommendations', { asOf, lang })),

  render(recommendations, { format }) {
    if (recommendations.length === 0) return null
    return htmlNode(
      'ol',
      'crm-view crm-recommendations',
      ...recommendations.map((recommendation) =>
        htmlNode(
          'li',
          'crm-recommendation',
          htmlNode('h3', '', recommendation.title),
          htmlNode('p', '', recommendation.rationale),
          recommendation.audience && htmlNode('p', 'crm-audience', format.audience(recommendation.audience.count)),
        ),
      ),
    )
  },
})
