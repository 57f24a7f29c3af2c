import { field, h } from '../dom'
import { t } from '../i18n'

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/** A report's range form: its fields, and a slot beside the button for the view's export. */
export type RangeForm = {
  form: HTMLFormElement
  from: HTMLInputElement
  to: HTMLInputElement
  interval: HTMLSelectElement
  exportSlot: HTMLElement
}

/**
 * The date range and interval a report view asks for: the last year, by month, unless changed.
 *
 * @example
 * const { form, from, to, interval } = rangeForm()
 * context.api.get('/v1/reports/sales', { from: from.value, to: to.value, interval: interval.value })
 */
export function rangeForm(): RangeForm {
  const today = new Date()
  const from = h('input', { type: 'date', name: 'from', value: isoDay(new Date(today.getTime() - 365 * 86_400_000)), required: true })
  const to = h('input', { type: 'date', name: 'to', value: isoDay(today), required: true })
  const interval = h(
    'select',
    { name: 'interval' },
    h('option', { value: 'day' }, t('day')),
    h('option', { value: 'week' }, t('week')),
    h('option', { value: 'month', selected: true }, t('month')),
  )
  const exportSlot = h('span', { class: 'export' })
  const form = h(
    'form',
    { class: 'inline-form' },
    field(t('from'), from),
    field(t('to'), to),
    field(t('interval'), interval),
    h('button', { type: 'submit' }, t('show')),
    exportSlot,
  )
  return { form, from, to, interval, exportSlot }
}
