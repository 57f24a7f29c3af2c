/**
 * What BG/NBD and Gamma-Gamma need to know about one customer, in one time unit (weeks in the literature).
 * `frequency` is x, the number of repeat purchases (purchase days after the first); `recency` is t_x, the time from
 * the first to the last purchase; `age` is T, the time from the first purchase to the end of observation.
 */
export interface CustomerHistory {
  frequency: number
  recency: number
  age: number
}

/** BG/NBD parameters: purchase rates ~ Gamma(r, alpha), dropout probabilities ~ Beta(a, b). */
export interface BgNbdParameters {
  r: number
  alpha: number
  a: number
  b: number
}
