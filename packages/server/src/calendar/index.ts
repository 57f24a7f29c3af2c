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
