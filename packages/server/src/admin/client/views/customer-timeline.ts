import type { TimelineEntry, TimelineEntryType } from '../../../customers/response-types'
import { h, replace } from '../dom'
import { money, when } from '../format'
import { t, type MessageKey } from '../i18n'
import { countByGroup, filterTimeline, propertiesText, TIMELINE_GROUPS, type TimelineGroup } from './timeline-filter'

const GROUP_LABELS: Record<TimelineGroup, MessageKey> = {
  purchases: 'purchases',
  refunds: 'timelineRefunds',
  events: 'timelineEvents',
  profile: 'profile',
}

const TYPE_LABELS: Record<TimelineEntryType, MessageKey> = {
  signed_up: 'entrySignedUp',
  profile_updated: 'entryProfileUpdated',
  purchase: 'entryPurchase',
  refund: 'entryRefund',
  event: 'entryEvent',
}

/**
 * A customer's timeline, newest first, with a checkbox per kind of entry (purchases, refunds, events, profile),
 * each with its count; all are shown at first. Entries say what happened in words, never as HTML.
 *
 * @example
 * card(t('timeline'), customerTimeline(detail.timeline))
 */
export function customerTimeline(entries: readonly TimelineEntry[]): HTMLElement {
  const shown = new Set<TimelineGroup>(TIMELINE_GROUPS)
  const counts = countByGroup(entries)
  const list = h('ol', { class: 'timeline' })
  const render = () => {
    const visible = filterTimeline(entries, shown)
    replace(list, visible.length === 0 ? h('li', { class: 'muted' }, t('timelineNothing')) : visible.map(entryItem))
  }
  const filters = h(
    'fieldset',
    { class: 'timeline-filter' },
    h('legend', {}, t('timelineShow')),
    TIMELINE_GROUPS.map((group) => {
      const box = h('input', { type: 'checkbox', name: 'timeline-type', value: group, checked: true })
      box.addEventListener('change', () => {
        if (box.checked) shown.add(group)
        else shown.delete(group)
        render()
      })
      return h('label', {}, box, ` ${t(GROUP_LABELS[group])} `, h('span', { class: 'muted' }, `(${counts[group]})`))
    }),
  )
  render()
  return h('div', {}, filters, list)
}

function entryItem(entry: TimelineEntry): HTMLElement {
  const detail = entryDetail(entry)
  return h(
    'li',
    { 'data-type': entry.type },
    h('time', { datetime: entry.at }, when(entry.at)),
    ' ',
    h('strong', {}, t(TYPE_LABELS[entry.type])),
    detail ? ` ${detail}` : null,
  )
}

/** What the entry was about, in one line: amounts in their own currency, a refund as money going out. */
function entryDetail(entry: TimelineEntry): string {
  const amount = (sign: 1 | -1) => (entry.amount !== undefined && entry.currency ? money(sign * entry.amount, entry.currency) : '')
  const parts = (...texts: (string | null | undefined)[]) => texts.filter((text) => text).join(' · ')
  switch (entry.type) {
    case 'purchase':
      return parts(entry.orderId, amount(1))
    case 'refund':
      return parts(amount(-1), entry.orderId ? t('refundOfOrder', { order: entry.orderId }) : t('refundWithoutOrder'), entry.reason)
    case 'event':
      return parts(entry.event, propertiesText(entry.properties))
    case 'profile_updated':
      return entry.fields?.length ? t('fieldsChanged', { fields: entry.fields.join(', ') }) : ''
    case 'signed_up':
      return ''
  }
}
