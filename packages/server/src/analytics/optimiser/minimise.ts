import * as fmin from 'fmin'

/**
 * fmin 0.0.4 publishes a UMD bundle under `"type": "module"`: Node loads it as an ES module without exports, and
 * the bundle then falls back to assigning `globalThis.fmin`. A bundler that reads it as CommonJS gives the named
 * exports instead, so both are tried.
 */
function loadFmin(): Pick<typeof fmin, 'nelderMead' | 'conjugateGradient'> {
  const fromModule = fmin as Partial<typeof fmin>
  const fromGlobal = (globalThis as { fmin?: Partial<typeof fmin> }).fmin
  const nelderMead = fromModule.nelderMead ?? fromGlobal?.nelderMead
  const conjugateGradient = fromModule.conjugateGradient ?? fromGlobal?.conjugateGradient
  if (!nelderMead || !conjugateGradient) throw new Error('fmin could not be loaded')
  return { nelderMead, conjugateGradient }
}

const { nelderMead, conjugateGradient } = loadFmin()

export interface MinimiseOptions {
  /** Initial simplex step added to each coordinate. Default 0.5. */
  step?: number
  /** Nelder-Mead iterations per run. Default 200 per dimension. */
  maxIterations?: number
  /** Runs stop when one improves the minimum by less than this. Default 1e-9. */
  tolerance?: number
  /** Upper bound on the number of restarts. Default 12. */
  maxRestarts?: number
}

export interface MinimiseResult {
  x: number[]
  value: number
  /** Objective evaluations, across restarts. */
  evaluations: number
}

// Larger than any objective we minimise, yet finite so the simplex ordering (fx differences) stays a number.
const INVALID_VALUE = 1e300

/**
 * Minimises `f` with fmin's Nelder-Mead, restarted from the best point until a run stops improving.
 *
 * Restarting is the classic remedy for a simplex that collapses early; it is also how we avoid fmin's
 * shrink step, which references an undeclared variable and throws in strict mode (sigma = 1 ends the run instead).
 * Every run starts from a fresh simplex of additive steps around the current best point.
 *
 * @example
 * minimise(([x = 0, y = 0]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function minimise(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: MinimiseOptions = {},
): MinimiseResult {
  const step = options.step ?? 0.5
  const tolerance = options.tolerance ?? 1e-9
  const maxRestarts = options.maxRestarts ?? 12
  const maxIterations = options.maxIterations ?? 200 * x0.length
  let evaluations = 0
  const safe = (x: readonly number[]): number => {
    evaluations++
    const value = f(x)
    return Number.isFinite(value) ? value : INVALID_VALUE
  }

  let best = [...x0]
  let bestValue = safe(best)
  let runStep = step
  for (let run = 0; run <= maxRestarts; run++) {
    const centre = best
    const shifted = (delta: number[]): number => safe(centre.map((c, i) => c + (delta[i] ?? 0)))
    // Starting at the origin makes fmin build its simplex from `zeroDelta` steps on every axis.
    const result = nelderMead(shifted, centre.map(() => 0), {
      zeroDelta: runStep,
      maxIterations,
      minErrorDelta: tolerance,
      sigma: 1,
    })
    const improvement = bestValue - result.fx
    if (result.fx < bestValue) {
      best = centre.map((c, i) => c + (result.x[i] ?? 0))
      bestValue = result.fx
    }
    if (improvement <= tolerance * (1 + Math.abs(bestValue))) break
    runStep = Math.max(step / 16, runStep / 2)
  }
  return { x: best, value: bestValue, evaluations }
}

export interface GradientMinimiseResult extends MinimiseResult {
  /** Euclidean norm of the gradient where the search stopped. */
  gradientNorm: number
}

/**
 * Minimises a smooth `f` whose gradient is known, with fmin's Polak-Ribière conjugate gradient and Wolfe line
 * search; far fewer evaluations than Nelder-Mead when the gradient comes cheaply with the value. It stops when the
 * gradient norm falls to 1e-5, so scale `f` to order 1 (a mean rather than a sum).
 *
 * @example
 * minimiseWithGradient(([x = 0]) => ({ value: (x - 3) ** 2, gradient: [2 * (x - 3)] }), [0]).x // ≈ [3]
 */
export function minimiseWithGradient(
  f: (x: readonly number[]) => { value: number; gradient: readonly number[] },
  x0: readonly number[],
  options: { maxIterations?: number } = {},
): GradientMinimiseResult {
  let evaluations = 0
  const result = conjugateGradient(
    (x, gradient) => {
      evaluations++
      const { value, gradient: computed } = f(x)
      const valid = Number.isFinite(value) && computed.every(Number.isFinite)
      for (let i = 0; i < gradient.length; i++) gradient[i] = valid ? (computed[i] ?? 0) : 0
      return valid ? value : INVALID_VALUE
    },
    [...x0],
    { maxIterations: options.maxIterations ?? 100 * x0.length },
  )
  return {
    x: result.x,
    value: result.fx,
    evaluations,
    gradientNorm: Math.hypot(...result.fxprime),
  }
}
