export { parseDateTime, timeZoneOffset } from './parse-date-time'
