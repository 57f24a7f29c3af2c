import { lang } from './i18n'

/**
 * Money in major units, in the page's language.
 *
 * @example
 * money(1234.5, 'USD') // '$1,234.50'
 */
export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(lang(), { style: 'currency', currency }).format(amount)
  } catch {
    return `${amount} ${currency}`
  }
}

/**
 * A compact number for chart axes.
 *
 * @example
 * compact(12500) // '12.5K'
 */
export function compact(value: number): string {
  return new Intl.NumberFormat(lang(), { notation: 'compact', maximumFractionDigits: 1 }).format(value)
}

/**
 * A number with up to `digits` decimals; percentages when `percent`.
 *
 * @example
 * num(0.4567, 1, true) // '45.7%'
 */
export function num(value: number | null | undefined, digits = 2, percent = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return new Intl.NumberFormat(lang(), { maximumFractionDigits: digits, ...(percent ? { style: 'percent' } : {}) }).format(value)
}

/**
 * An ISO time as a local date and time; '—' when absent.
 *
 * @example
 * when('2026-01-02T10:00:00Z') // '02.01.2026, 13:00' in Moscow, Russian
 */
export function when(iso: string | null | undefined, dateOnly = false): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return dateOnly ? date.toLocaleDateString(lang()) : date.toLocaleString(lang(), { dateStyle: 'medium', timeStyle: 'short' })
}
