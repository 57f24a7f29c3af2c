import { ApiFailure } from '../api'
import { h, replace } from '../dom'
import { t } from '../i18n'

/**
 * Shows a loading line in `container`, then what `render` makes of the loaded data. A `404` (an endpoint this
 * server does not have yet) says "not available yet"; other failures say what went wrong, with a retry button.
 *
 * @example
 * loadInto(section, () => api.get('/v1/insights'), (insights) => renderInsights(insights))
 */
export async function loadInto<T>(
  container: HTMLElement,
  load: () => Promise<T>,
  render: (data: T) => Node | Node[],
  notFoundText = t('notAvailable'),
): Promise<void> {
  container.setAttribute('aria-busy', 'true')
  replace(container, h('p', { class: 'muted', role: 'status' }, t('loading')))
  try {
    const data = await load()
    const rendered = render(data)
    replace(container, ...(Array.isArray(rendered) ? rendered : [rendered]))
  } catch (error) {
    replace(container, failureMessage(error, () => void loadInto(container, load, render, notFoundText), notFoundText))
  } finally {
    container.removeAttribute('aria-busy')
  }
}

/**
 * The message for a failed request: "not available yet" for a `404`, otherwise the error and a retry button.
 *
 * @example
 * form.append(failureMessage(error))
 */
export function failureMessage(error: unknown, retry?: () => void, notFoundText = t('notAvailable')): HTMLElement {
  if (error instanceof ApiFailure && error.status === 404) {
    return h('p', { class: 'notice', 'data-state': 'unavailable' }, notFoundText)
  }
  const message = error instanceof Error ? error.message : String(error)
  return h(
    'div',
    { class: 'notice error', role: 'alert', 'data-state': 'error' },
    h('p', {}, t('error', { message })),
    retry ? h('button', { type: 'button', onclick: retry }, t('retry')) : null,
  )
}

/**
 * A titled card section.
 *
 * @example
 * card(t('totals'), totalsList)
 */
export function card(title: string, ...content: (Node | string | null)[]): HTMLElement {
  const id = `h-${Math.random().toString(36).slice(2, 9)}`
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...content)
}

/**
 * A definition list of label/value pairs.
 *
 * @example
 * facts([[t('orders'), '12'], [t('revenue'), '$120']])
 */
export function facts(pairs: [string, string | Node][]): HTMLDListElement {
  return h('dl', { class: 'facts' }, pairs.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))))
}
