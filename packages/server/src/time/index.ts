export { parseDateTime, timeZoneOffset } from './parse-date-time'
export { isoTime } from './iso-time'
