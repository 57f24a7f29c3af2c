import type { TimelineEntry, TimelineEntryType } from '../../../customers/response-types'

/** The kinds of entries a customer's timeline can be filtered to. */
export type TimelineGroup = 'purchases' | 'refunds' | 'events' | 'profile'

/** In the order the filters are shown. */
export const TIMELINE_GROUPS: readonly TimelineGroup[] = ['purchases', 'refunds', 'events', 'profile']

// Keyed by every type the server's schema has: a new type (notes, next) fails to compile until it has a group.
const GROUP_OF: Record<TimelineEntryType, TimelineGroup> = {
  purchase: 'purchases',
  refund: 'refunds',
  event: 'events',
  signed_up: 'profile',
  profile_updated: 'profile',
}

/**
 * The filter an entry falls under.
 *
 * @example
 * groupOf('signed_up') // 'profile'
 */
export function groupOf(type: TimelineEntryType): TimelineGroup {
  return GROUP_OF[type]
}

/**
 * The entries of the groups in `shown`, newest first (entries of one time keep the server's order).
 *
 * @example
 * filterTimeline(timeline, new Set(['refunds'])) // only the refunds
 */
export function filterTimeline(entries: readonly TimelineEntry[], shown: ReadonlySet<TimelineGroup>): TimelineEntry[] {
  return entries
    .filter((entry) => shown.has(groupOf(entry.type)))
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ entry }) => entry)
}

/**
 * How many entries each filter would show, for the filters' labels.
 *
 * @example
 * countByGroup(timeline) // { purchases: 4, refunds: 1, events: 2, profile: 1 }
 */
export function countByGroup(entries: readonly TimelineEntry[]): Record<TimelineGroup, number> {
  const counts: Record<TimelineGroup, number> = { purchases: 0, refunds: 0, events: 0, profile: 0 }
  for (const entry of entries) counts[groupOf(entry.type)] += 1
  return counts
}

const MAX_PROPERTIES_TEXT = 200

/**
 * An event's properties as one line of text (`plan: pro; seats: 3`), cut at 200 characters: a timeline entry
 * stays one glance long however much the client app sent.
 *
 * @example
 * propertiesText({ plan: 'pro', seats: 3 }) // 'plan: pro; seats: 3'
 */
export function propertiesText(properties: Record<string, unknown> | null | undefined): string {
  if (!properties) return ''
  const text = Object.entries(properties)
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
  return text.length > MAX_PROPERTIES_TEXT ? `${text.slice(0, MAX_PROPERTIES_TEXT - 1)}…` : text
}
