// fmin ships no types; only what the analytics use is declared.
declare module 'fmin' {
  export interface NelderMeadOptions {
    maxIterations?: number
    nonZeroDelta?: number
    zeroDelta?: number
    minErrorDelta?: number
    rho?: number
    chi?: number
    psi?: number
    sigma?: number
  }

  export interface NelderMeadResult {
    fx: number
    x: number[]
  }

  export interface ConjugateGradientOptions {
    maxIterations?: number
  }

  export interface ConjugateGradientResult {
    fx: number
    x: number[]
    fxprime: number[]
  }

  /** `f` returns the value at x and writes the gradient into `gradient`. */
  export function conjugateGradient(
    f: (x: number[], gradient: number[]) => number,
    x0: number[],
    options?: ConjugateGradientOptions,
  ): ConjugateGradientResult

  export function nelderMead(
    f: (x: number[]) => number,
    x0: number[],
    options?: NelderMeadOptions,
  ): NelderMeadResult
}
