import { localDay, startOfLocalDay } from '../calendar'

/**
 * Local day numbers of instants that mostly come in time order: the zone is consulted once per day, not once per
 * purchase, as long as the next instant falls on the day of the previous one.
 *
 * @example
 * const clock = new LocalDayClock('Europe/Moscow')
 * clock.dayOf(Date.parse('2026-01-01T22:00:00Z')) // dayNumber('2026-01-02')
 */
export class LocalDayClock {
  #day = 0
  #dayStart = Number.POSITIVE_INFINITY
  #nextStart = Number.NEGATIVE_INFINITY

  constructor(readonly timeZone: string) {}

  dayOf(time: number): number {
    if (time >= this.#nextStart || time < this.#dayStart) {
      this.#day = localDay(time, this.timeZone)
      this.#dayStart = startOfLocalDay(this.#day, this.timeZone)
      this.#nextStart = startOfLocalDay(this.#day + 1, this.timeZone)
    }
    return this.#day
  }
}

/**
 * Local day numbers of the first `size` instants of `ts` (sorted, so the zone is consulted once per day).
 *
 * @example
 * localDays(Float64Array.of(Date.parse('2026-01-01T10:00:00Z')), 1, 'UTC') // Int32Array [dayNumber('2026-01-01')]
 */
export function localDays(ts: Float64Array, size: number, timeZone: string): Int32Array {
  const days = new Int32Array(size)
  const clock = new LocalDayClock(timeZone)
  for (let i = 0; i < size; i++) days[i] = clock.dayOf(ts[i] as number)
  return days
}
