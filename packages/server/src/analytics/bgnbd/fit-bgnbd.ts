import { minimise, minimiseWithGradient } from '../optimiser/minimise'
import { compressHistories } from './compress-histories'
import type { BgNbdParameters, CustomerHistory } from './customer-history'
import { bgNbdLogLikelihood, evaluateBgNbdLikelihood } from './log-likelihood'

export interface BgNbdFitOptions {
  /** Fewer customers than this and no fit is attempted. Default 100. */
  minCustomers?: number
  /** Fewer customers with a repeat purchase than this and no fit is attempted. Default 20. */
  minRepeatCustomers?: number
}

export type BgNbdFit =
  | {
      status: 'fitted'
      parameters: BgNbdParameters
      logLikelihood: number
      customers: number
      repeatCustomers: number
      /** True when the optimum sits at a boundary of the parameter space, where the model degenerates. */
      lowConfidence: boolean
      lowConfidenceReasons: string[]
    }
  | { status: 'insufficient-data'; reason: string; customers: number; repeatCustomers: number }

// a → 0 means almost nobody ever drops out; b huge means dropout is negligible per purchase. Either way the BG/NBD
// has collapsed into a plain NBD and its "probability alive" is not to be trusted.
const SMALL_A = 0.01
const LARGE_B = 1000
const LARGE_LOG_PARAMETER = 12

/**
 * Fits BG/NBD by maximum likelihood over the log-parameters (so they stay positive), with Nelder-Mead.
 *
 * @example
 * const fit = fitBgNbd(histories)
 * if (fit.status === 'fitted') fit.parameters // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } on CDNOW
 */
export function fitBgNbd(histories: readonly CustomerHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
  const data = compressHistories(histories)
  const { customers, repeatCustomers } = data
  const minCustomers = options.minCustomers ?? 100
  const minRepeatCustomers = options.minRepeatCustomers ?? 20
  if (customers < minCustomers) {
    return { status: 'insufficient-data', reason: `${customers} customers, at least ${minCustomers} needed`, customers, repeatCustomers }
  }
  if (repeatCustomers < minRepeatCustomers) {
    return {
      status: 'insufficient-data',
      reason: `${repeatCustomers} customers with a repeat purchase, at least ${minRepeatCustomers} needed`,
      customers,
      repeatCustomers,
    }
  }

  const toParameters = ([logR = 0, logAlpha = 0, logA = 0, logB = 0]: readonly number[]): BgNbdParameters => ({
    r: Math.exp(logR),
    alpha: Math.exp(logAlpha),
    a: Math.exp(logA),
    b: Math.exp(logB),
  })
  let meanAge = 0
  for (const history of histories) meanAge += history.age / customers
  // The scale parameter alpha lives in the data's time unit; starting it at the mean age keeps the first simplex
  // in a region where the likelihood is informative whatever the unit.
  const start = [0, Math.log(Math.max(meanAge, 1e-6)), 0, 0]
  // Conjugate gradient with the analytic gradient needs a few dozen passes over the data where Nelder-Mead needs
  // hundreds. It minimises the mean negative log-likelihood, so its stopping rule (gradient norm 1e-5) means the
  // same whatever the number of customers; a second, short search on the mean times 10 sharpens the estimate one
  // more digit. Nelder-Mead takes over if the gradient search stalls (a flat ridge, a parameter running off).
  const searchOnScale = (scale: number, from: readonly number[], maxIterations: number) =>
    minimiseWithGradient(
      (logParameters) => {
        const { logLikelihood, gradient } = evaluateBgNbdLikelihood(toParameters(logParameters), data, true)
        const factor = -scale / customers
        return { value: logLikelihood * factor, gradient: (gradient ?? []).map((value) => value * factor) }
      },
      from,
      { maxIterations },
    )
  const meanNegativeLogLikelihood = (logParameters: readonly number[]) =>
    -bgNbdLogLikelihood(toParameters(logParameters), data) / customers
  const coarse = searchOnScale(1, start, 400)
  const converged = Number.isFinite(coarse.value) && coarse.gradientNorm < 1e-3
  const result = converged
    ? { x: searchOnScale(10, coarse.x, 20).x }
    : minimise(meanNegativeLogLikelihood, Number.isFinite(coarse.value) ? coarse.x : start, { tolerance: 1e-10 })
  const parameters = toParameters(result.x)
  const lowConfidenceReasons: string[] = []
  if (parameters.a < SMALL_A) lowConfidenceReasons.push(`a = ${parameters.a.toPrecision(3)} is near 0: almost no dropout`)
  if (parameters.b > LARGE_B) lowConfidenceReasons.push(`b = ${parameters.b.toPrecision(3)} is very large: almost no dropout`)
  if (result.x.some((value) => Math.abs(value) > LARGE_LOG_PARAMETER)) {
    lowConfidenceReasons.push('a parameter ran off to 0 or infinity')
  }
  return {
    status: 'fitted',
    parameters,
    logLikelihood: -meanNegativeLogLikelihood(result.x) * customers,
    customers,
    repeatCustomers,
    lowConfidence: lowConfidenceReasons.length > 0,
    lowConfidenceReasons,
  }
}
