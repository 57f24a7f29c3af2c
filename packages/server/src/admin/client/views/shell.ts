import { account, publicApi, type AppView, type PublicApi, type User } from '../api'
import { field, h, replace } from '../dom'
import { t, type MessageKey } from '../i18n'
import { assistantView } from './assistant-view'
import { failureMessage } from './async-section'
import { connectionView } from './connection-view'
import { customerDetailView } from './customer-detail-view'
import { customersView } from './customers-view'
import { eventsView } from './events-view'
import { importView } from './import-view'
import { insightsView } from './insights-view'
import { keysView } from './keys-view'
import { reportsView } from './reports-view'
import type { ViewContext } from './view-context'

type Route = { path: string; label: MessageKey; view: (context: ViewContext) => HTMLElement }

const ROUTES: Route[] = [
  { path: 'connect', label: 'navConnect', view: connectionView },
  { path: 'keys', label: 'navKeys', view: keysView },
  { path: 'customers', label: 'navCustomers', view: customersView },
  { path: 'reports', label: 'navReports', view: reportsView },
  { path: 'events', label: 'navEvents', view: eventsView },
  { path: 'insights', label: 'navInsights', view: insightsView },
  { path: 'assistant', label: 'navAssistant', view: assistantView },
  { path: 'import', label: 'navImport', view: importView },
]
const APP_KEY = 'crm-admin-app'

export type ShellState = { user: User; apps: AppView[]; appId: string; revealedKeys: string[] }

/**
 * The signed-in page: header (app switcher, new app, language, log out), section navigation and the current
 * view, chosen by the URL hash (`#/customers/<userId>` opens a customer).
 *
 * @example
 * const shell = createShell(root, state, { onLogout, languageSwitch })
 * shell.render()
 */
export function createShell(root: HTMLElement, state: ShellState, hooks: { onLogout(): void; languageSwitch: () => Node }) {
  const apis = new Map<string, PublicApi>()
  let leave: (() => void)[] = []
  const main = h('main', { id: 'main', tabindex: '-1' })

  const currentApp = () => state.apps.find((app) => app.id === state.appId) ?? state.apps[0]!
  const apiFor = (appId: string) => {
    let api = apis.get(appId)
    if (!api) apis.set(appId, (api = publicApi(appId)))
    return api
  }

  const reloadApps = async (reveal?: string) => {
    state.apps = (await account.apps()).data
    if (reveal) state.revealedKeys.push(reveal)
    renderView()
  }

  const renderView = () => {
    for (const stop of leave) stop()
    leave = []
    const [path = 'connect', ...rest] = location.hash.replace(/^#\/?/, '').split('/')
    const route = ROUTES.find((candidate) => candidate.path === path) ?? ROUTES[0]!
    for (const link of root.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.dataset.path === route.path) link.setAttribute('aria-current', 'page')
      else link.removeAttribute('aria-current')
    }
    const context: ViewContext = {
      app: currentApp(),
      api: apiFor(currentApp().id),
      revealedKeys: state.revealedKeys,
      reloadApps,
      onLeave: (stop) => leave.push(stop),
    }
    const userId = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined
    const view = route.path === 'customers' && userId !== undefined ? customerDetailView(context, userId) : route.view(context)
    replace(main, view)
    document.title = `${t(route.label)} · ${currentApp().name} · ${t('appTitle')}`
  }

  const appSwitcher = () => {
    const select = h('select', { name: 'app' }, state.apps.map((app) => h('option', { value: app.id, selected: app.id === state.appId }, app.name)))
    select.addEventListener('change', () => {
      state.appId = select.value
      state.revealedKeys = []
      localStorage.setItem(APP_KEY, select.value)
      render()
    })
    return field(t('app'), select)
  }

  const newAppForm = () => {
    const name = h('input', { name: 'appName', required: true, maxlength: '100' })
    const currency = h('input', { name: 'currency', value: 'USD', required: true, pattern: '[A-Za-z]{3}', maxlength: '3', size: '4' })
    const problem = h('div', {})
    const form = h('form', { class: 'inline-form' }, field(t('appName'), name), field(t('currency'), currency), h('button', { type: 'submit' }, t('create')), problem)
    form.addEventListener('submit', async (event) => {
      event.preventDefault()
      try {
        const created = await account.createApp({ name: name.value.trim(), currency: currency.value.trim().toUpperCase(), timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' })
        state.apps = (await account.apps()).data
        state.appId = created.app.id
        state.revealedKeys = [created.apiKeys.publishable, created.apiKeys.secret]
        localStorage.setItem(APP_KEY, created.app.id)
        location.hash = '#/keys'
        render()
      } catch (error) {
        replace(problem, failureMessage(error))
      }
    })
    return h('details', { class: 'new-app' }, h('summary', {}, t('newApp')), form)
  }

  const render = () => {
    const logout = h('button', { type: 'button', class: 'secondary' }, t('logOut'))
    logout.addEventListener('click', async () => {
      await account.logout().catch(() => undefined)
      for (const stop of leave) stop()
      hooks.onLogout()
    })
    replace(
      root,
      h('a', { class: 'skip', href: '#main', onclick: (event: Event) => (event.preventDefault(), main.focus()) }, t('skipToContent')),
      h(
        'header',
        { class: 'top' },
        h('strong', { class: 'brand' }, t('appTitle')),
        appSwitcher(),
        newAppForm(),
        h('span', { class: 'spacer' }),
        hooks.languageSwitch(),
        h('span', { class: 'user muted' }, state.user.email),
        logout,
      ),
      h(
        'nav',
        { 'aria-label': t('mainNav') },
        h('ul', {}, ROUTES.map((route) => h('li', {}, h('a', { href: `#/${route.path}`, 'data-path': route.path }, t(route.label))))),
      ),
      main,
    )
    renderView()
  }

  const onHashChange = () => {
    renderView()
    main.querySelector<HTMLElement>('h1')?.focus()
  }
  window.addEventListener('hashchange', onHashChange)
  return {
    render,
    destroy() {
      window.removeEventListener('hashchange', onHashChange)
      for (const stop of leave) stop()
    },
  }
}

/** The app to open: the one remembered in this browser when it is still the user's, else the first. */
export function rememberedApp(apps: AppView[]): string {
  const saved = localStorage.getItem(APP_KEY)
  return apps.find((app) => app.id === saved)?.id ?? apps[0]?.id ?? ''
}
