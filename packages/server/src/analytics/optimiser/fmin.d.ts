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

  export function nelderMead(
    f: (x: number[]) => number,
    x0: number[],
    options?: NelderMeadOptions,
  ): NelderMeadResult
}
