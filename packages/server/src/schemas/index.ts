export {
  plainText,
  isPlainText,
  MAX_CLIENT_ID_LENGTH,
  ClientId,
  Email,
  CurrencyCode,
  TimeZone,
  Language,
  IsoDateTime,
  EventDateTime,
  isEventDateTime,
  JsonObject,
  ErrorSchema,
  ListQuery,
} from './common'
export { findJsonShapeFault, MAX_JSON_DEPTH, type JsonShapeFault } from './json-shape'
export { AsOf, DateOrDateTime, isDateOrDateTime } from './date-or-date-time'
export { LanguageTag, languageOfTag } from './language-tag'
