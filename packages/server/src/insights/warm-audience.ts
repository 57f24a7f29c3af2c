import { customerRowIndex } from './customer-row-index'
import type { RecommendationFact } from './insight-facts'
import type { RecommendationInputs } from './recommendation-facts'

const DAY_MS = 86_400_000
/** Events are counted over this many days before `asOf` (and the as many before, for the earlier cohort). */
export const WARM_WINDOW_DAYS = 30
// Warm: this many custom events in the window at least (a single sign-in is not interest).
const MIN_EVENTS = 3
// Not buying: no purchase kept in this many days (never bought counts too).
const DAYS_WITHOUT_PURCHASE = 60
// An audience of fewer is not worth a campaign; a conversion measured on fewer says little.
const MIN_AUDIENCE = 3
const MIN_COHORT = 20
const MAX_AUDIENCE_IDS = 1000

const round2 = (value: number) => Math.round(value * 100) / 100
const round4 = (value: number) => Math.round(value * 10_000) / 10_000

// Bits of what each customer bought (a purchase not refunded in full) in the 90 days before asOf.
const BOUGHT_LATELY = 1 // in the last 60 days
const BOUGHT_BEFORE_COHORT = 2 // in the 60 days before the earlier cohort's day (asOf − 30 days)
const BOUGHT_SINCE_COHORT = 4 // after it

/**
 * "Warm, not buying": customers with at least 3 custom events in the last 30 days and no purchase kept in the last
 * 60 days (customers who never bought included), as an audience, the most active first. The impact is what the same
 * definition converted one window earlier: of the customers warm and not buying 30 days before `asOf`, the share who
 * bought in the 30 days since (measured on 20 of them at least, else no impact is claimed), × the audience × the
 * average net order value. Purchases in any currency count as buying; refunds as of `asOf`. O(purchases of the last
 * 90 days + active customers · log customers).
 *
 * @example
 * warmNotBuying({ ...inputs, activity: stores.insightInputs.recentActivity(appId, asOf, 30 * 86_400_000) })
 * // { kind: 'warm_not_buying', audience: { count: 42, userIds: [...] }, ... }
 */
export function warmNotBuying(inputs: RecommendationInputs): RecommendationFact | null {
  const { ledger, histories, asOf, minorToMajor, refunds } = inputs
  const activity = inputs.activity ?? []
  if (activity.length === 0) return null
  const window = WARM_WINDOW_DAYS * DAY_MS
  const bought = new Uint8Array(ledger.customerCount)
  const lately = asOf - DAYS_WITHOUT_PURCHASE * DAY_MS
  const cohortDay = asOf - window
  const end = ledger.countUntil(asOf)
  for (let i = ledger.countUntil(cohortDay - DAYS_WITHOUT_PURCHASE * DAY_MS); i < end; i++) {
    const back = refunds?.refunded.get(i)
    if (back !== undefined && back >= (ledger.amount[i] as number)) continue
    const ts = ledger.ts[i] as number
    const c = ledger.customer[i] as number
    bought[c] = (bought[c] as number) | (ts > lately ? BOUGHT_LATELY : 0) | (ts <= cohortDay ? BOUGHT_BEFORE_COHORT : BOUGHT_SINCE_COHORT)
  }
  const members: { userId: string; events: number; everBought: boolean }[] = []
  let cohort = 0
  let converted = 0
  for (const [customerRowId, userId, recent, earlier] of activity) {
    const c = customerRowIndex(ledger.customerRowIds, customerRowId)
    const bits = c === undefined ? 0 : (bought[c] as number)
    if (recent >= MIN_EVENTS && (bits & BOUGHT_LATELY) === 0) {
      members.push({ userId, events: recent, everBought: c !== undefined && (histories.purchaseDays[c] ?? 0) > 0 })
    }
    if (earlier >= MIN_EVENTS && (bits & BOUGHT_BEFORE_COHORT) === 0) {
      cohort++
      if (bits & BOUGHT_SINCE_COHORT) converted++
    }
  }
  if (members.length < MIN_AUDIENCE) return null
  members.sort((left, right) => right.events - left.events || left.userId.localeCompare(right.userId))
  let revenue = 0
  let orders = 0
  for (const c of histories.customers) {
    revenue += histories.revenue[c] as number
    orders += histories.orders[c] as number
  }
  const averageOrderValue = orders > 0 ? round2((revenue / orders) * minorToMajor) : 0
  const conversion = cohort >= MIN_COHORT ? converted / cohort : null
  const evidence: RecommendationFact['evidence'] = [
    { metric: 'customers', value: members.length },
    { metric: 'neverBought', value: members.filter((member) => !member.everBought).length },
    { metric: 'minimumEvents', value: MIN_EVENTS },
    { metric: 'windowDays', value: WARM_WINDOW_DAYS },
    { metric: 'daysWithoutPurchase', value: DAYS_WITHOUT_PURCHASE },
    { metric: 'previousCohort', value: cohort },
    { metric: 'previousCohortBought', value: converted },
  ]
  if (conversion !== null) evidence.push({ metric: 'conversionRate', value: round4(conversion) }, { metric: 'averageOrderValue', value: averageOrderValue })
  return {
    id: 'warm-not-buying',
    kind: 'warm_not_buying',
    priority: 'medium',
    audience: { count: members.length, userIds: members.slice(0, MAX_AUDIENCE_IDS).map((member) => member.userId) },
    ...(conversion !== null
      ? {
          expectedImpact: {
            metric: 'revenue' as const,
            value: round2(members.length * conversion * averageOrderValue),
            basis: 'audience × share of the customers warm and not buying 30 days earlier who bought since × average order value',
          },
        }
      : {}),
    evidence,
    subject: {},
  }
}
