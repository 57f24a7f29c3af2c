import { forecastView, recommendationsView, revenueView, summaryView, type View } from './views'

export type ViewName = 'summary' | 'revenue' | 'forecast' | 'recommendations'

/** Every value of the `view` attribute and the view it shows. */
export const viewRegistry: Record<ViewName, View<unknown>> = {
  summary: summaryView,
  revenue: revenueView,
  forecast: forecastView,
  recommendations: recommendationsView,
}

/**
 * The view named by an attribute value; unknown or missing values fall back to the summary.
 *
 * @example
 * viewNamed('forecast') === forecastView
 */
export function viewNamed(name: string | null): { name: ViewName; view: View<unknown> } {
  const known = name !== null && Object.hasOwn(viewRegistry, name) ? (name as ViewName) : 'summary'
  return { name: known, view: viewRegistry[known] }
}
