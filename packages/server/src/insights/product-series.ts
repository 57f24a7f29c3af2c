import { nextPeriodStart } from '../calendar'
import type { ProductSeries } from '../analytics'
import type { PurchaseLedger } from '../ledger'
import type { SalesSeries } from './sales-series'

/**
 * Net revenue of every product in each period of a complete-period series (minor units, zeros where it did not sell),
 * for the products that sold in it; keyed by product key. What refunds took off a product counts on the refund's
 * date, as in the sales series. O(purchases and refunds of the series' periods).
 *
 * @example
 * productSeries(ledger, monthly, 'USD')[0] // { productId: 'sku-1', values: [1200, 900, ...] }
 */
export function productSeries(ledger: PurchaseLedger, series: SalesSeries, currency: string): ProductSeries[] {
  const periods = series.starts.length
  if (periods === 0) return []
  const products = ledger.products.length
  const matrix = new Float64Array(products * periods)
  const sold = new Uint8Array(products)
  const appCurrency = ledger.currencyIndex(currency)
  const first = ledger.firstIndexOfDay(series.starts[0] as number)
  // The day after the last period: the start of the one `asOf` is in.
  const endDay = nextPeriodStart(series.starts.at(-1) as number, series.interval)
  const last = ledger.firstIndexOfDay(endDay)
  let p = 0
  for (let i = first; i < last; i++) {
    if (ledger.currency[i] !== appCurrency) continue
    const day = ledger.day[i] as number
    while (p + 1 < periods && day >= (series.starts[p + 1] as number)) p++
    for (let k = ledger.itemStart[i] as number; k < (ledger.itemStart[i + 1] as number); k++) {
      const product = ledger.itemProduct[k] as number
      matrix[product * periods + p] = (matrix[product * periods + p] as number) + (ledger.itemRevenue[k] as number)
      sold[product] = 1
    }
  }
  const { refunds } = ledger
  p = 0
  for (let j = refunds.firstIndexOfDay(series.starts[0] as number); j < refunds.firstIndexOfDay(endDay); j++) {
    if (refunds.currency[j] !== appCurrency) continue
    const day = refunds.day[j] as number
    while (p + 1 < periods && day >= (series.starts[p + 1] as number)) p++
    for (let k = refunds.itemStart[j] as number; k < (refunds.itemStart[j + 1] as number); k++) {
      const at = (refunds.itemProduct[k] as number) * periods + p
      matrix[at] = (matrix[at] as number) - (refunds.itemRevenue[k] as number)
    }
  }
  const result: ProductSeries[] = []
  for (let product = 0; product < products; product++) {
    if (sold[product]) result.push({ productId: ledger.products[product]?.key ?? '', values: Array.from(matrix.subarray(product * periods, (product + 1) * periods)) })
  }
  return result
}
