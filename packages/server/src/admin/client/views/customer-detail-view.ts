import { h, table } from '../dom'
import { money, num, when } from '../format'
import { t } from '../i18n'
import { card, facts, loadInto } from './async-section'
import type { ViewContext } from './view-context'

type Item = { name: string; quantity?: number; price?: number }
type Purchase = { orderId: string; amount: number; currency: string; timestamp: string; items: Item[] }
type Detail = {
  customer: { userId: string; name: string | null; email: string | null; phone: string | null; traits: Record<string, unknown>; createdAt: string }
  stats: { orders: number; revenue: number; averageOrderValue: number | null; firstPurchaseAt: string | null; lastPurchaseAt: string | null }
  predictions: { model: string; probabilityActive: number; expectedPurchases: number; expectedRevenue: number | null; horizonDays: number } | null
  purchases: Purchase[]
  timeline: ({ type: string; at: string } & Record<string, unknown>)[]
}

/**
 * One customer: profile and traits, stats, predictions, purchases and timeline.
 *
 * @example
 * main.append(customerDetailView(context, 'user_1'))
 */
export function customerDetailView(context: ViewContext, userId: string): HTMLElement {
  const currency = context.app.currency
  const body = h('div', {})
  void loadInto(
    body,
    () => context.api.get<Detail>(`/v1/customers/${encodeURIComponent(userId)}`),
    ({ customer, stats, predictions, purchases, timeline }) => [
      h('h1', { tabindex: '-1' }, customer.name ?? customer.userId),
      h(
        'div',
        { class: 'grid' },
        card(
          t('profile'),
          facts([
            [t('userId'), customer.userId],
            [t('email'), customer.email ?? '—'],
            [t('phone'), customer.phone ?? '—'],
            [t('created'), when(customer.createdAt)],
            ...Object.entries(customer.traits).map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
          ]),
        ),
        card(
          t('stats'),
          facts([
            [t('orders'), String(stats.orders)],
            [t('revenue'), money(stats.revenue, currency)],
            [t('averageOrder'), stats.averageOrderValue === null ? '—' : money(stats.averageOrderValue, currency)],
            [t('firstPurchase'), when(stats.firstPurchaseAt)],
            [t('lastPurchase'), when(stats.lastPurchaseAt)],
          ]),
        ),
        card(
          t('predictions'),
          predictions
            ? facts([
                [t('probabilityActive'), num(predictions.probabilityActive, 1, true)],
                [t('expectedPurchases', { days: predictions.horizonDays }), num(predictions.expectedPurchases, 2)],
                [t('expectedRevenue', { days: predictions.horizonDays }), predictions.expectedRevenue === null ? '—' : money(predictions.expectedRevenue, currency)],
                ['', predictions.model],
              ])
            : h('p', { class: 'muted' }, t('noPredictions')),
        ),
      ),
      card(
        t('purchases'),
        h(
          'div',
          { class: 'scroll' },
          table(
            [t('order'), t('time'), t('amount'), t('items')],
            purchases.map((purchase) => [
              purchase.orderId,
              when(purchase.timestamp),
              money(purchase.amount, purchase.currency),
              purchase.items.map((item) => (item.quantity && item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)).join(', '),
            ]),
            t('purchases'),
          ),
        ),
      ),
      card(
        t('timeline'),
        h(
          'ol',
          { class: 'timeline' },
          timeline.map((entry) =>
            h('li', {}, h('time', { datetime: entry.at }, when(entry.at)), ' ', h('strong', {}, entry.type), ' ', timelineDetail(entry)),
          ),
        ),
      ),
    ],
    `${t('noCustomers')} (${userId})`,
  )
  return h('div', {}, h('p', {}, h('a', { href: '#/customers' }, `← ${t('back')}`)), body)
}

function timelineDetail(entry: Record<string, unknown>): string {
  if (entry.type === 'purchase' && typeof entry.amount === 'number' && typeof entry.currency === 'string') {
    return `${String(entry.orderId ?? '')} ${money(entry.amount, entry.currency)}`
  }
  return Array.isArray(entry.fields) ? entry.fields.join(', ') : ''
}
