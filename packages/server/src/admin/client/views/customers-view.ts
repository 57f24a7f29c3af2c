import type { CustomerSummary, Page } from '../../../customers/response-types'
import { field, h, replace, table } from '../dom'
import { money, when } from '../format'
import { t } from '../i18n'
import { loadInto } from './async-section'
import type { ViewContext } from './view-context'

const PAGE_SIZE = 25

/**
 * The customer list: search (debounced), sort, and pages through `nextCursor` (with a stack of earlier cursors
 * for "previous"). Revenue is net of the refunds shown beside it; "last seen" is the latest purchase, refund or
 * event. A customer's name links to their profile.
 *
 * @example
 * main.append(customersView(context))
 */
export function customersView(context: ViewContext): HTMLElement {
  const search = h('input', { type: 'search', name: 'search', placeholder: t('searchHint'), autocomplete: 'off' })
  const sort = h(
    'select',
    { name: 'sort' },
    h('option', { value: '-revenue' }, t('sortRevenue')),
    h('option', { value: '-lastPurchaseAt' }, t('sortLastPurchase')),
    h('option', { value: '-lastSeenAt' }, t('sortLastSeen')),
    h('option', { value: '-createdAt' }, t('sortCreated')),
    h('option', { value: 'name' }, t('sortName')),
  )
  const results = h('div', { class: 'card' })
  const cursors: (string | undefined)[] = [undefined]
  let pageIndex = 0

  const load = () =>
    loadInto(
      results,
      () => context.api.get<Page<CustomerSummary>>('/v1/customers', { search: search.value.trim(), sort: sort.value, limit: PAGE_SIZE, cursor: cursors[pageIndex] }),
      (page) => {
        cursors[pageIndex + 1] = page.nextCursor ?? undefined
        if (page.data.length === 0) return h('p', { class: 'muted' }, t('noCustomers'))
        const rows = page.data.map((customer) => [
          h('a', { href: `#/customers/${encodeURIComponent(customer.userId)}` }, customer.name ?? customer.userId),
          customer.email ?? '',
          String(customer.orders),
          money(customer.revenue, context.app.currency),
          money(customer.refunds, context.app.currency),
          when(customer.lastPurchaseAt, true),
          when(customer.lastSeenAt, true),
        ])
        const previous = h('button', { type: 'button', class: 'secondary', disabled: pageIndex === 0 }, t('previous'))
        const next = h('button', { type: 'button', class: 'secondary', disabled: page.nextCursor === null }, t('next'))
        previous.addEventListener('click', () => {
          pageIndex -= 1
          void load()
        })
        next.addEventListener('click', () => {
          pageIndex += 1
          void load()
        })
        return [
          h('div', { class: 'scroll' }, table([t('name'), t('email'), t('orders'), t('netRevenue'), t('customerRefunds'), t('lastPurchase'), t('lastSeen')], rows, t('customers'))),
          h('div', { class: 'pager' }, previous, h('span', { class: 'muted' }, String(pageIndex + 1)), next),
        ]
      },
    )

  const restart = () => {
    cursors.length = 1
    pageIndex = 0
    void load()
  }
  let debounce: ReturnType<typeof setTimeout> | undefined
  search.addEventListener('input', () => {
    clearTimeout(debounce)
    debounce = setTimeout(restart, 250)
  })
  sort.addEventListener('change', restart)
  context.onLeave(() => clearTimeout(debounce))

  const controls = h('form', { class: 'inline-form', role: 'search' }, field(t('search'), search), field(t('sort'), sort))
  controls.addEventListener('submit', (event) => {
    event.preventDefault()
    restart()
  })
  replace(results)
  void load()
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navCustomers')), controls, results)
}
