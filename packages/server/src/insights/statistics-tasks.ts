import { type AssociationRule, type BgNbdFit, type GammaGammaFit, type RfmSegmentSummary, scoreRfm } from '../analytics'
import type { CustomerHistories } from './customer-histories'
import { fitCustomerModel } from './customer-model'
import { basketRulesOfItems, type OrderItems } from './basket-rules'
import { revenueForecast } from './forecast-facts'
import type { ForecastFact } from './insight-facts'
import type { SalesSeries } from './sales-series'

/**
 * The heavy, pure statistics of the insights, as messages a worker thread can run: inputs are typed arrays and
 * numbers (cheap to copy), results are small plain objects or typed arrays.
 */
export type StatisticsTask =
  | { kind: 'customer-model'; histories: CustomerHistories; minorToMajor: number }
  | { kind: 'basket-rules'; items: OrderItems }
  | { kind: 'rfm'; histories: CustomerHistories; minorToMajor: number }
  | { kind: 'forecast'; series: SalesSeries; horizon: number; minorToMajor: number }

export type CustomerModelFits = { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit }
export type BasketRules = { baskets: number; rules: AssociationRule[] }
/** RFM segments, and each customer's monetary score in the order of `histories.customers`. */
export type RfmOutcome = { segments: RfmSegmentSummary[]; monetaryScores: Uint8Array }
export type ForecastOutcome = { forecast: ForecastFact | null; reason: string | null }

export type StatisticsResult<Task extends StatisticsTask> = Task extends { kind: 'customer-model' }
  ? CustomerModelFits
  : Task extends { kind: 'basket-rules' }
    ? BasketRules
    : Task extends { kind: 'rfm' }
      ? RfmOutcome
      : ForecastOutcome

/**
 * Runs one statistics task where it is called (in the worker, or in-thread as the fallback).
 *
 * @example
 * runStatisticsTask({ kind: 'customer-model', histories, minorToMajor: 0.01 }).bgNbd.status // 'fitted'
 */
export function runStatisticsTask<Task extends StatisticsTask>(task: Task): StatisticsResult<Task> {
  return runAny(task) as StatisticsResult<Task>
}

function runAny(task: StatisticsTask): CustomerModelFits | BasketRules | RfmOutcome | ForecastOutcome {
  switch (task.kind) {
    case 'customer-model': {
      const { bgNbd, gammaGamma } = fitCustomerModel(task.histories, task.minorToMajor)
      return { bgNbd, gammaGamma }
    }
    case 'basket-rules':
      return basketRulesOfItems(task.items)
    case 'rfm':
      return rfmOutcome(task.histories, task.minorToMajor)
    case 'forecast':
      return revenueForecast(task.series, task.horizon, task.minorToMajor)
  }
}

/** RFM over the histories, with the customers' ids left out: the segments only count, and the scores are by position. */
function rfmOutcome(histories: CustomerHistories, minorToMajor: number): RfmOutcome {
  const { segments, customers } = scoreRfm(
    Array.from(histories.customers, (c) => ({
      customerId: '',
      recencyDays: histories.asOfDay - (histories.lastDay[c] as number),
      frequency: histories.orders[c] as number,
      monetary: (histories.revenue[c] as number) * minorToMajor,
    })),
  )
  return { segments, monetaryScores: Uint8Array.from(customers, (score) => score.monetaryScore) }
}
