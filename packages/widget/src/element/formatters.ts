import type { Messages } from './messages'

/** Locale-aware formatting for one widget instance. */
export interface Formatters {
  money: (value: number, currency: string) => string
  /** Short money for chart axes: "$12K". */
  moneyCompact: (value: number, currency: string) => string
  number: (value: number) => string
  /** A 0..1 rate as a percentage. */
  percent: (rate: number) => string
  /** A report period ("2026-03" or "2026-03-01") as a short label; other shapes are shown as they are. */
  period: (period: string, interval: string) => string
  dateTime: (date: Date) => string
  audience: (count: number) => string
}

const PERIOD = /^(\d{4})-(\d{2})(?:-(\d{2}))?/

/**
 * Formatters for `lang`, falling back to plain output for a currency code `Intl` does not know.
 *
 * @example
 * formattersFor('en', messagesFor('en')).money(1234.5, 'USD') // '$1,234.50'
 */
export function formattersFor(lang: string, messages: Messages): Formatters {
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
  const plural = new Intl.PluralRules(lang)
  const money = (value: number, currency: string, compact: boolean) => {
    try {
      return new Intl.NumberFormat(lang, {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      }).format(value)
    } catch {
      return `${number.format(value)} ${currency}`
    }
  }
  return {
    money: (value, currency) => money(value, currency, false),
    moneyCompact: (value, currency) => money(value, currency, true),
    number: (value) => number.format(value),
    percent: (rate) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rate),
    period: (period, interval) => {
      const match = PERIOD.exec(period)
      if (!match) return period
      const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)))
      const options: Intl.DateTimeFormatOptions =
        interval === 'month' ? { month: 'short', year: '2-digit' } : { month: 'short', day: 'numeric' }
      return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(date)
    },
    dateTime: (date) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date),
    audience: (count) => messages.audience[plural.select(count)].replace('#', number.format(count)),
  }
}
