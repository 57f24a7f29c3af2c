export {
  type Interval,
  dateOfDay,
  dayNumber,
  localDay,
  nextPeriodStart,
  periodLabel,
  periodStart,
  periodStarts,
  startOfLocalDay,
  zoneOffset,
} from './zoned-calendar'
export { asOfInstant, rangeEnd, rangeStart } from './time-bounds'
