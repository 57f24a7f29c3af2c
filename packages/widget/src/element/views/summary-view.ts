import type { Insights } from '../contract-types'
import { htmlNode } from '../html-node'
import { keyFigures } from './key-figures'
import { defineView } from './view'

const ARROWS = { up: '▲', down: '▼', flat: '●' } as const

/** `view="summary"`: the summary text, a few key figures and the strongest trends. */
export const summaryView = defineView<Insights>({
  load: ({ request, lang, asOf }) => request<Insights>('v1/insights', { asOf, lang }),

  render(insights, { messages, format }) {
    const trends = insights.trends ?? []
    const recommendations = insights.recommendations ?? []
    if (!insights.summary && trends.length === 0 && recommendations.length === 0) return null
    const next = insights.forecast?.points[0]
    const figures: [string, string][] = []
    if (next) figures.push([messages.nextForecast, format.money(next.value, insights.currency)])
    figures.push([messages.trendsUp, format.number(trends.filter((trend) => trend.direction === 'up').length)])
    figures.push([messages.trendsDown, format.number(trends.filter((trend) => trend.direction === 'down').length)])
    figures.push([messages.recommendationCount, format.number(recommendations.length)])
    return htmlNode(
      'div',
      'crm-view',
      insights.summary && htmlNode('p', 'crm-summary', insights.summary),
      keyFigures(figures),
      trends.length > 0 &&
        htmlNode(
          'section',
          'crm-trends',
          htmlNode('h3', '', messages.trends),
          htmlNode(
            'ul',
            '',
            ...trends.slice(0, 3).map((trend) =>
              htmlNode(
                'li',
                `crm-trend crm-trend-${trend.direction}`,
                htmlNode('span', 'crm-arrow', ARROWS[trend.direction] ?? ARROWS.flat),
                htmlNode('span', '', trend.description),
              ),
            ),
          ),
        ),
    )
  },
})
