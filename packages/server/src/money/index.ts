export { isCurrency, currencyExponent } from './currency'
export { toMinorUnits, toMajorUnits, MAX_MINOR_UNITS, type AmountResult } from './amount'
