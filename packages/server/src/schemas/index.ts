export {
  plainText,
  ClientId,
  Email,
  CurrencyCode,
  TimeZone,
  Language,
  IsoDateTime,
  JsonObject,
  ErrorSchema,
  ListQuery,
} from './common'
