export { type MinimiseOptions, type MinimiseResult, minimise } from './optimiser/minimise'
export { median, medianAbsoluteDeviation } from './descriptive/median'
export { centredMovingAverage } from './descriptive/centred-moving-average'

export type { BgNbdParameters, CustomerHistory } from './bgnbd/customer-history'
export { type CompressedHistories, compressHistories } from './bgnbd/compress-histories'
export { bgNbdLogLikelihood } from './bgnbd/log-likelihood'
export { type BgNbdFit, type BgNbdFitOptions, fitBgNbd } from './bgnbd/fit-bgnbd'
export { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './bgnbd/predict-bgnbd'
export {
  type CustomerHistorySummary,
  type PurchaseDay,
  type SummarisePurchasesOptions,
  summarisePurchases,
} from './bgnbd/summarise-purchases'

export {
  type CustomerSpend,
  type GammaGammaFit,
  type GammaGammaParameters,
  conditionalExpectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from './gamma-gamma/gamma-gamma'
export { expectedRevenue } from './gamma-gamma/expected-revenue'

export type { ForecastMethod, ForecastModel } from './forecast/forecast-model'
export { fitSeasonalNaive } from './forecast/seasonal-naive'
export {
  type HoltWintersModel,
  type HoltWintersOptions,
  type HoltWintersSmoothing,
  type Seasonality as HoltWintersSeasonality,
  fitHoltWinters,
} from './forecast/holt-winters'
export { type SeasonalStart, seasonalStart } from './forecast/seasonal-start'
export { meanAbsoluteScaledError, seasonalNaiveScale } from './forecast/mase'
export { FORECAST_METHODS, fitForecastModel } from './forecast/fit-forecast-model'
export {
  type BacktestOptions,
  type BacktestScore,
  backtestOrigins,
  rollingOriginBacktest,
} from './forecast/rolling-origin-backtest'
export {
  type ForecastOutcome,
  type ForecastPoint,
  type ForecastSeriesOptions,
  type SelectedForecast,
  forecastSeries,
} from './forecast/forecast-series'

export { type MannKendallResult, type TrendDirection, mannKendall } from './trend/mann-kendall'
export { senSlope } from './trend/sen-slope'
export { type PeriodChange, periodChange, seriesPeriodChange } from './trend/period-change'
export {
  type ProductMovement,
  type ProductMovers,
  type ProductMoversOptions,
  type ProductSeries,
  rankProductMovers,
} from './trend/product-movers'

export { robustScores } from './anomaly/robust-scores'
export { type SeasonalFit, seasonalResiduals } from './anomaly/seasonal-residuals'
export {
  type Anomaly,
  type AnomalyDetection,
  type DetectAnomaliesOptions,
  detectAnomalies,
} from './anomaly/detect-anomalies'
export { type Seasonality, autocorrelation, detectSeasonality } from './anomaly/seasonality'

export { quintileScores } from './rfm/quintile-scores'
export {
  type RfmCustomer,
  type RfmResult,
  type RfmScore,
  type RfmSegment,
  type RfmSegmentSummary,
  RFM_SEGMENTS,
  rfmSegment,
  scoreRfm,
} from './rfm/rfm'

export {
  type AssociationRule,
  type AssociationRules,
  type AssociationRulesOptions,
  associationRules,
} from './association/association-rules'
export { type EncodedBaskets, encodeItems } from './association/encode-items'
export { type DenseIndex, createDenseIndex } from './encoding/dense-index'

export { binomialUpperTail } from './proportion/binomial-tail'
export { type ExcessRate, type ExcessRateOptions, type ExcessRates, type RateGroup, excessRates } from './proportion/excess-rates'
export { benjaminiHochberg } from './multiple-testing/benjamini-hochberg'
