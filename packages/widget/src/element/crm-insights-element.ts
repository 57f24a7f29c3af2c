import { apiRequest, ExpiredTokenError } from './api-request'
import { formattersFor } from './formatters'
import { htmlNode } from './html-node'
import { messagesFor, type Messages } from './messages'
import { viewNamed } from './view-registry'
import type { ViewContext } from './views'
import { adoptWidgetStyles } from './widget-styles'

/** What the widget shows right now; also reflected as `data-state` on its card for styling and tests. */
export type WidgetState = 'loading' | 'ready' | 'empty' | 'error' | 'expired'

const DEFAULT_REFRESH_SECONDS = 300

/**
 * `<crm-insights token="…" view="revenue">`: insights of one CRM app, read with an embed token.
 *
 * Attributes: `token`, `host` (API base URL; default `CrmInsightsElement.defaultHost`), `view`
 * (summary | revenue | forecast | recommendations), `theme` (light | dark | auto), `lang`,
 * `refresh` (seconds, default 300, 0 = never), `as-of` (analyse as of a past date).
 * Fires `crm-token-expired` (bubbling, composed) when the server answers 401, so the page can mint a
 * new token and set the attribute again.
 *
 * @example
 * const widget = document.createElement('crm-insights')
 * widget.setAttribute('token', token)
 * widget.setAttribute('view', 'forecast')
 * document.body.append(widget)
 */
export class CrmInsightsElement extends HTMLElement {
  static observedAttributes = ['token', 'host', 'view', 'lang', 'refresh', 'as-of']

  /** Where the API lives when no `host` attribute is set; the widget script sets it to its own origin. */
  static defaultHost: string = typeof location === 'undefined' ? '' : location.origin

  readonly #card: HTMLElement
  readonly #title = htmlNode('h2')
  readonly #updated = htmlNode('span', 'updated')
  readonly #body = htmlNode('div', 'body')
  #state: WidgetState = 'loading'
  #controller: AbortController | undefined
  #timer: ReturnType<typeof setInterval> | undefined
  #loadQueued = false

  constructor() {
    super()
    const root = this.attachShadow({ mode: 'open' })
    adoptWidgetStyles(root)
    this.#body.setAttribute('aria-live', 'polite')
    this.#card = htmlNode('section', 'card', htmlNode('header', '', this.#title, this.#updated), this.#body)
    this.#card.setAttribute('part', 'card')
    root.append(this.#card)
  }

  /** The state shown now. */
  get state(): WidgetState {
    return this.#state
  }

  connectedCallback(): void {
    this.#queueLoad()
    this.#startTimer()
  }

  disconnectedCallback(): void {
    this.#stopTimer()
    this.#controller?.abort()
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value || !this.isConnected) return
    if (name === 'refresh' || name === 'token') this.#startTimer()
    if (name !== 'refresh') this.#queueLoad()
  }

  /**
   * Fetches the view's data now, keeping what is shown until the answer arrives.
   *
   * @example
   * await document.querySelector('crm-insights')?.refresh()
   */
  async refresh(): Promise<void> {
    this.#controller?.abort()
    const controller = new AbortController()
    this.#controller = controller
    const { name, view } = viewNamed(this.getAttribute('view'))
    const lang = this.#lang()
    const messages = messagesFor(lang)
    this.#title.textContent = messages.titles[name]
    this.#card.lang = lang
    const token = this.getAttribute('token')
    if (!token) return this.#showState('error', messages.missingToken)
    if (this.#state !== 'ready') this.#showState('loading', messages.loading)
    this.#card.setAttribute('aria-busy', 'true')

    const context: ViewContext = {
      request: apiRequest({ host: this.getAttribute('host') || CrmInsightsElement.defaultHost, token, signal: controller.signal }),
      messages,
      format: formattersFor(lang, messages),
      lang,
      // Narrow screens get a narrower drawing rather than a shrunken one with unreadable labels.
      chartWidth: Math.max(280, Math.min(960, Math.round(this.#body.clientWidth) || 640)),
      ...(this.getAttribute('as-of') ? { asOf: this.getAttribute('as-of') ?? '' } : {}),
    }
    try {
      const data = await view.load(context)
      if (controller.signal.aborted) return
      const content = view.render(data, context)
      if (content) this.#show('ready', content)
      else this.#showState('empty', messages.empty)
      this.#updated.textContent = `${messages.updated} ${context.format.dateTime(new Date())}`
    } catch (error) {
      if (controller.signal.aborted) return
      this.#showFailure(error, messages)
    } finally {
      if (this.#controller === controller) this.#card.removeAttribute('aria-busy')
    }
  }

  #showFailure(error: unknown, messages: Messages): void {
    if (error instanceof ExpiredTokenError) {
      // The same token will not work again: stop polling until a new token is set.
      this.#stopTimer()
      this.#showState('expired', messages.expired)
      this.dispatchEvent(new CustomEvent('crm-token-expired', { bubbles: true, composed: true }))
      return
    }
    const retry = htmlNode('button', '', messages.retry)
    retry.type = 'button'
    retry.addEventListener('click', () => void this.refresh())
    const detail = error instanceof Error ? error.message : ''
    this.#showState('error', messages.error, detail && htmlNode('span', 'note', detail), retry)
  }

  #showState(state: Exclude<WidgetState, 'ready'>, text: string, ...extra: (Node | '')[]): void {
    const spinner = state === 'loading' ? htmlNode('div', 'spinner') : null
    const node = htmlNode('div', `state state-${state}`, spinner, htmlNode('p', '', text), ...extra)
    if (state === 'error' || state === 'expired') node.setAttribute('role', 'alert')
    if (state !== 'loading') this.#updated.textContent = ''
    this.#show(state, node)
  }

  #show(state: WidgetState, content: Node): void {
    this.#state = state
    this.#card.dataset.state = state
    this.#body.replaceChildren(content)
  }

  #queueLoad(): void {
    // Several attributes set in a row (token, then view) cause one request, not several.
    if (this.#loadQueued) return
    this.#loadQueued = true
    queueMicrotask(() => {
      this.#loadQueued = false
      if (this.isConnected) void this.refresh()
    })
  }

  #startTimer(): void {
    this.#stopTimer()
    const seconds = Number(this.getAttribute('refresh') ?? DEFAULT_REFRESH_SECONDS)
    if (!Number.isFinite(seconds) || seconds <= 0) return
    this.#timer = setInterval(() => {
      // A hidden tab does not need fresh numbers; the next tick after it is shown catches up.
      if (!document.hidden) void this.refresh()
    }, Math.max(1, seconds) * 1000)
  }

  #stopTimer(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  #lang(): string {
    const holder = this.closest('[lang]')
    return (holder?.getAttribute('lang') || navigator.language || 'en').trim()
  }
}
