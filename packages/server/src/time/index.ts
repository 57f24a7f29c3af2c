export { parseDateTime, timeZoneOffset, withTSeparator } from './parse-date-time'
export { isoTime } from './iso-time'
