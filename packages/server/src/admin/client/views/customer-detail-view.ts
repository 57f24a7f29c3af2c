import type { CustomerDetail } from '../../../customers/response-types'
import { h, table } from '../dom'
import { money, num, when } from '../format'
import { t } from '../i18n'
import { card, facts, loadInto } from './async-section'
import { customerTimeline } from './customer-timeline'
import type { ViewContext } from './view-context'

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
    () => context.api.get<CustomerDetail>(`/v1/customers/${encodeURIComponent(userId)}`),
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
            [t('netRevenue'), money(stats.revenue, currency)],
            [t('customerRefunds'), money(stats.refunds, currency)],
            [t('averageOrder'), stats.averageOrderValue === null ? '—' : money(stats.averageOrderValue, currency)],
            [t('firstPurchase'), when(stats.firstPurchaseAt)],
            [t('lastPurchase'), when(stats.lastPurchaseAt)],
            [t('lastSeen'), when(stats.lastSeenAt)],
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
      card(t('timeline'), customerTimeline(timeline)),
    ],
    `${t('noCustomers')} (${userId})`,
  )
  return h('div', {}, h('p', {}, h('a', { href: '#/customers' }, `← ${t('back')}`)), body)
}
