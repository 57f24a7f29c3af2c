import type { Formatters } from '../formatters'
import type { ApiRequest } from '../api-request'
import type { Messages } from '../messages'

/** What a view gets to load and draw its data. */
export interface ViewContext {
  request: ApiRequest
  messages: Messages
  format: Formatters
  /** Passed to the API so its texts come in the widget's language. */
  lang: string
  /** `as-of` attribute: analyse the history as of this date (imported past data). */
  asOf?: string
  /** Width the chart gets on screen, in CSS pixels, so its text is drawn at its real size. */
  chartWidth: number
}

/** One `view` of the widget: how to load its data and how to draw it. */
export interface View<T> {
  load(context: ViewContext): Promise<T>
  /** The view's content, or `null` when there is nothing to show (the empty state). */
  render(data: T, context: ViewContext): Node | null
}

/** Defines a view with its data type inferred from `load`. */
export function defineView<T>(view: View<T>): View<T> {
  return view
}
