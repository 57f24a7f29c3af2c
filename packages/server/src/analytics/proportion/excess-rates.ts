import { benjaminiHochberg } from '../multiple-testing/benjamini-hochberg'
import { binomialUpperTail } from './binomial-tail'

/** One group's count of events (a product's refunds) among its trials (its orders). */
export interface RateGroup {
  events: number
  trials: number
}

export interface ExcessRateOptions {
  /** Groups with fewer trials are not tested (and not counted among the tests). Default 20. */
  minTrials?: number
  /** Least rate over the rest's rate to report. Default 2. */
  minRatio?: number
  /** Benjamini–Hochberg level: the expected share of false finds among those reported. Default 0.05. */
  falseDiscoveryRate?: number
}

export interface ExcessRate {
  /** Index of the group in the input. */
  index: number
  events: number
  trials: number
  rate: number
  /** The rate of all the other groups pooled: what the group is compared with. */
  baseline: number
  /** One-sided exact binomial p-value of the group's events at the baseline rate. */
  pValue: number
  /** Benjamini–Hochberg adjusted over every group tested. */
  adjustedPValue: number
}

export interface ExcessRates {
  /** Groups that had enough trials to be tested. */
  tested: number
  /** The groups whose rate is significantly and materially above the rest's, most significant first. */
  found: ExcessRate[]
}

/**
 * The groups whose event rate is far above the others': each group with enough trials is compared with all the
 * others pooled (not with a total that holds itself, which would hide a large group's excess) by a one-sided exact
 * binomial test, the p-values adjusted by Benjamini–Hochberg over the groups tested, and a group is reported when the
 * adjusted p-value is within the false discovery rate and its rate is at least `minRatio` times the baseline. Exact
 * rather than a z-test: at rates of a few percent, a group of 20–100 trials expects only a few events, where the
 * normal approximation is poor. Events above the trials (events counted apart from trials) are capped. O(groups ·
 * √trials).
 *
 * @example
 * excessRates([{ events: 30, trials: 100 }, ...Array(9).fill({ events: 3, trials: 100 })]).found[0]
 * // { index: 0, rate: 0.3, baseline: 0.03, pValue: 7.7e-22, ... }
 */
export function excessRates(groups: readonly RateGroup[], options: ExcessRateOptions = {}): ExcessRates {
  const minTrials = options.minTrials ?? 20
  const minRatio = options.minRatio ?? 2
  const level = options.falseDiscoveryRate ?? 0.05
  let events = 0
  let trials = 0
  const capped = groups.map((group) => ({ events: Math.min(group.events, group.trials), trials: group.trials }))
  for (const group of capped) {
    events += group.events
    trials += group.trials
  }
  const tested: Omit<ExcessRate, 'adjustedPValue'>[] = []
  capped.forEach((group, index) => {
    const restTrials = trials - group.trials
    if (group.trials < minTrials || restTrials <= 0) return
    const baseline = (events - group.events) / restTrials
    tested.push({
      index,
      events: group.events,
      trials: group.trials,
      rate: group.events / group.trials,
      baseline,
      pValue: binomialUpperTail(group.events, group.trials, baseline),
    })
  })
  const adjusted = benjaminiHochberg(tested.map((group) => group.pValue))
  const found = tested
    .map((group, i) => ({ ...group, adjustedPValue: adjusted[i] as number }))
    .filter((group) => group.adjustedPValue <= level && group.rate >= minRatio * group.baseline && group.events > 0)
    .sort((left, right) => left.adjustedPValue - right.adjustedPValue || right.rate - left.rate)
  return { tested: tested.length, found }
}
