import { h, replace } from '../dom'
import { when } from '../format'
import { t } from '../i18n'
import { failureMessage, facts } from './async-section'
import { browserSnippet, curlSnippet, sdkSnippet } from './snippets'
import type { ViewContext } from './view-context'

type Connection = { lastEventAt: string | null; counts: { customers: number; purchases: number } }

const POLL_MS = 2000

/**
 * Connection status: waits (showing the snippets to send an event: Node, web page, curl) and turns live when the first event arrives;
 * polls `/v1/connection` while the view is open.
 *
 * @example
 * main.append(connectionView(context))
 */
export function connectionView(context: ViewContext): HTMLElement {
  const status = h('div', { class: 'card', role: 'status', 'aria-live': 'polite' })
  const host = location.origin
  const key = context.revealedKeys.find((revealed) => revealed.startsWith('crm_pk_')) ?? 'crm_pk_…'
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  context.onLeave(() => {
    stopped = true
    clearTimeout(timer)
  })

  const poll = async () => {
    try {
      const connection = await context.api.get<Connection>('/v1/connection')
      render(connection)
    } catch (error) {
      replace(status, failureMessage(error))
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS)
  }

  const render = (connection: Connection) => {
    const live = connection.lastEventAt !== null
    status.dataset.state = live ? 'live' : 'waiting'
    replace(
      status,
      h('p', { class: `badge ${live ? 'ok' : 'wait'}` }, live ? t('live') : t('waiting')),
      live ? h('p', {}, t('lastEvent', { time: when(connection.lastEventAt) })) : null,
      facts([
        [t('customersCount'), String(connection.counts.customers)],
        [t('purchasesCount'), String(connection.counts.purchases)],
      ]),
      live
        ? null
        : h(
            'div',
            {},
            h('p', {}, t('sendFirst')),
            h('p', {}, t('snippetNode')),
            h('pre', {}, h('code', {}, sdkSnippet(key, host))),
            h('p', {}, t('snippetBrowser')),
            h('pre', {}, h('code', {}, browserSnippet(key, host))),
            h('p', {}, t('orCurl')),
            h('pre', {}, h('code', {}, curlSnippet(key, host))),
          ),
    )
  }

  replace(status, h('p', { class: 'muted' }, t('loading')))
  void poll()
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navConnect')), status)
}
