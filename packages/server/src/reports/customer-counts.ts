import type { PurchaseLedger } from '../ledger'

export type CustomerCounts = {
  /** The range's purchases: ledger indexes first .. last - 1. */
  first: number
  last: number
  starts: readonly number[]
  appCurrency: number
  /** Per customer, side by side so a purchase touches one cache line: [last period + 1, net revenue, orders]. */
  state: Float64Array
  customers: Int32Array
  newCustomers: Int32Array
  touched: number[]
  /** By currency index: what other currencies sold and gave back. */
  otherRevenue: Float64Array
  otherOrders: Int32Array
  otherRefunds: Float64Array
}

/**
 * Who bought in the range, one lean pass over its purchases: customers and new customers per period, each
 * customer's revenue and orders in `state`, the customers who bought in `touched`, and other currencies apart.
 * A small function of its own: V8 optimises this hot loop far better than inside the long report function.
 *
 * @example
 * countCustomers(ledger, counts) // fills counts.customers, counts.state, counts.touched, …
 */
export function countCustomers(ledger: PurchaseLedger, counts: CustomerCounts): void {
  const { first, last, starts, appCurrency, state, customers, newCustomers, touched, otherRevenue, otherOrders } = counts
  const { day, customer, amount, currency, firstOrder } = ledger
  let p = 0
  let nextStart = starts[1] as number
  // The current period's counts live in locals (flushed when the period changes), not in memory each purchase.
  let periodCustomers = 0
  let periodNew = 0
  for (let i = first; i < last; i++) {
    const d = day[i] as number
    if (d >= nextStart) {
      customers[p] = periodCustomers
      newCustomers[p] = periodNew
      periodCustomers = 0
      periodNew = 0
      while (d >= nextStart) nextStart = starts[++p + 1] as number
    }
    const code = currency[i] as number
    const value = amount[i] as number
    if (code !== appCurrency) {
      otherRevenue[code] = (otherRevenue[code] as number) + value
      otherOrders[code] = (otherOrders[code] as number) + 1
      continue
    }
    // Branch-free on purpose: whether a customer was already counted in this period is a coin toss the CPU
    // cannot predict, so it is added as 0 or 1 instead of tested.
    const at = (customer[i] as number) * 3
    periodCustomers += state[at] !== p + 1 ? 1 : 0
    state[at] = p + 1
    periodNew += firstOrder[i] as number
    state[at + 1] = (state[at + 1] as number) + value
    state[at + 2] = (state[at + 2] as number) + 1
  }
  if (first < last) {
    customers[p] = periodCustomers
    newCustomers[p] = periodNew
  }
  // The customers who bought are those with a period recorded: one sequential pass instead of a push per customer.
  for (let c = 0, at = 0; at < state.length; c++, at += 3) if ((state[at] as number) > 0) touched.push(c)
}

/**
 * Takes the range's refunds (ledger.refunds indexes first .. last - 1) off their customers' revenue in `state`, and
 * adds those in other currencies to `otherRefunds`. A customer who only got money back is not made a customer of
 * the range: the period mark is left alone.
 *
 * @example
 * subtractRefunds(ledger, first, last, counts)
 */
export function subtractRefunds(ledger: PurchaseLedger, first: number, last: number, counts: Pick<CustomerCounts, 'appCurrency' | 'state' | 'otherRefunds'>): void {
  const { appCurrency, state, otherRefunds } = counts
  const { customer, amount, currency } = ledger.refunds
  for (let j = first; j < last; j++) {
    const code = currency[j] as number
    if (code === appCurrency) {
      const at = (customer[j] as number) * 3 + 1
      state[at] = (state[at] as number) - (amount[j] as number)
    } else otherRefunds[code] = (otherRefunds[code] as number) + (amount[j] as number)
  }
}
