import type { CustomerHistory } from './customer-history'

/** One purchase: who, and on which day (an integer day number in the app's time zone, e.g. days since 1970-01-01). */
export interface PurchaseDay {
  customerId: string
  day: number
}

export interface CustomerHistorySummary extends CustomerHistory {
  customerId: string
  firstDay: number
  lastDay: number
}

export interface SummarisePurchasesOptions {
  /** Last day of the calibration period, included. Purchases after it are ignored. */
  endDay: number
  /** Days per time unit of the result. Default 7 (weeks, as BG/NBD is usually fitted). */
  daysPerUnit?: number
}

/**
 * Turns purchases into BG/NBD histories (x, t_x, T), several purchases on one day counting as one, as in the
 * BG/NBD paper's treatment of CDNOW. Customers whose first purchase falls after `endDay` are left out.
 *
 * @example
 * summarisePurchases([{ customerId: 'c1', day: 0 }, { customerId: 'c1', day: 14 }, { customerId: 'c1', day: 14 }], { endDay: 28 })
 * // [{ customerId: 'c1', frequency: 1, recency: 2, age: 4, firstDay: 0, lastDay: 14 }]
 */
export function summarisePurchases(
  purchases: readonly PurchaseDay[],
  options: SummarisePurchasesOptions,
): CustomerHistorySummary[] {
  const daysPerUnit = options.daysPerUnit ?? 7
  const daysByCustomer = new Map<string, Set<number>>()
  for (const { customerId, day } of purchases) {
    if (day > options.endDay) continue
    let days = daysByCustomer.get(customerId)
    if (!days) {
      days = new Set()
      daysByCustomer.set(customerId, days)
    }
    days.add(day)
  }
  const summaries: CustomerHistorySummary[] = []
  for (const [customerId, days] of daysByCustomer) {
    let firstDay = Number.POSITIVE_INFINITY
    let lastDay = Number.NEGATIVE_INFINITY
    for (const day of days) {
      if (day < firstDay) firstDay = day
      if (day > lastDay) lastDay = day
    }
    summaries.push({
      customerId,
      frequency: days.size - 1,
      recency: (lastDay - firstDay) / daysPerUnit,
      age: (options.endDay - firstDay) / daysPerUnit,
      firstDay,
      lastDay,
    })
  }
  return summaries
}
