import type { ForecastModel } from './forecast-model'

/**
 * Seasonal naive: each future step repeats the value one season earlier. The benchmark every other method must beat.
 *
 * @example
 * fitSeasonalNaive([1, 2, 3, 4, 5, 6], 3).forecast(4) // [4, 5, 6, 4]
 */
export function fitSeasonalNaive(history: readonly number[], period: number): ForecastModel {
  if (history.length < period) throw new RangeError(`seasonal naive needs one season (${period} points) of history`)
  const lastSeason = history.slice(history.length - period)
  let squares = 0
  for (let t = period; t < history.length; t++) squares += ((history[t] as number) - (history[t - period] as number)) ** 2
  const residualDeviation = history.length > period ? Math.sqrt(squares / (history.length - period)) : Number.NaN
  return {
    method: 'seasonal-naive',
    forecast: (horizon) => Array.from({ length: horizon }, (_, h) => lastSeason[h % period] as number),
    // The h-step error of a seasonal random walk adds one seasonal innovation per completed season.
    forecastStandardErrors: (horizon) =>
      Array.from({ length: horizon }, (_, h) => residualDeviation * Math.sqrt(Math.floor(h / period) + 1)),
  }
}
