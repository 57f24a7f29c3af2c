export type ForecastMethod =
  | 'seasonal-naive'
  | 'holt-winters-additive'
  | 'holt-winters-multiplicative'
  | 'holt-winters-additive-damped'
  | 'holt-winters-multiplicative-damped'

/** A model fitted to a history, able to forecast the steps after it. */
export interface ForecastModel {
  method: ForecastMethod
  /** Point forecasts for steps 1..horizon after the history. */
  forecast(horizon: number): number[]
  /** Standard deviation of the forecast error for steps 1..horizon, for prediction intervals. */
  forecastStandardErrors(horizon: number): number[]
}
