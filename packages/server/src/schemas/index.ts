export {
  plainText,
  ClientId,
  Email,
  CurrencyCode,
  TimeZone,
  Language,
  IsoDateTime,
  EventDateTime,
  JsonObject,
  ErrorSchema,
  ListQuery,
} from './common'
