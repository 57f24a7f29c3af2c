import type { RfmSegment } from '../analytics'
import type { ForecastFact, InsightFacts, RecommendationFact, TrendFact } from './insight-facts'
import { type PluralForms, plural } from './plural'

export type Language = 'en' | 'ru'

type Formatters = { money: (value: number) => string; percent: (ratio: number) => string; number: (value: number) => string; pValue: (value: number) => string }

function formatters(lang: Language, currency: string): Formatters {
  const locale = lang === 'ru' ? 'ru-RU' : 'en-US'
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  const pValue = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })
  return { money: (value) => money.format(value), percent: (ratio) => percent.format(ratio), number: (value) => number.format(value), pValue: (value) => pValue.format(value) }
}

const SEGMENT_NAMES: Record<Language, Record<RfmSegment, string>> = {
  en: {
    champions: 'Champions',
    loyal: 'Loyal',
    'potential-loyalist': 'Potential loyalists',
    new: 'New customers',
    promising: 'Promising',
    'need-attention': 'Need attention',
    'about-to-sleep': 'About to sleep',
    'at-risk': 'At risk',
    'cant-lose': 'Can’t lose them',
    hibernating: 'Hibernating',
    lost: 'Lost',
  },
  ru: {
    champions: 'Чемпионы',
    loyal: 'Лояльные',
    'potential-loyalist': 'Потенциально лояльные',
    new: 'Новые',
    promising: 'Перспективные',
    'need-attention': 'Требуют внимания',
    'about-to-sleep': 'Засыпающие',
    'at-risk': 'В зоне риска',
    'cant-lose': 'Нельзя потерять',
    hibernating: 'Спящие',
    lost: 'Потерянные',
  },
}

const METRIC_NAMES: Record<Language, Record<TrendFact['metric'], string>> = {
  en: { revenue: 'Revenue', orders: 'Orders', customers: 'Customers', averageOrderValue: 'Average order value', productRevenue: 'Revenue', refundRate: 'Refund rate' },
  ru: { revenue: 'Выручка', orders: 'Заказы', customers: 'Покупатели', averageOrderValue: 'Средний чек', productRevenue: 'Выручка', refundRate: 'Доля возвратов' },
}

/** Words that follow a count, by language: `count(n, WORDS.customers)` writes "21 покупатель", "2 customers". */
const WORDS = {
  customers: { en: { one: 'customer', other: 'customers' }, ru: { one: 'покупатель', few: 'покупателя', many: 'покупателей', other: 'покупателя' } },
  times: { en: { one: 'time', other: 'times' }, ru: { one: 'раз', few: 'раза', many: 'раз', other: 'раза' } },
  // "against 200 orders" / "при 200 заказах"
  orders: { en: { one: 'order', other: 'orders' }, ru: { one: 'заказе', few: 'заказах', many: 'заказах', other: 'заказа' } },
  // "over 11 products" / "на 11 товаров"
  products: { en: { one: 'product', other: 'products' }, ru: { one: 'товар', few: 'товара', many: 'товаров', other: 'товара' } },
  days: { en: { one: 'day', other: 'days' }, ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' } },
  // "at least 3 events" / "не меньше 3 событий"
  events: { en: { one: 'event', other: 'events' }, ru: { one: 'события', other: 'событий' } },
  // "of the 20 customers" / "из 20 покупателей"
  ofCustomers: { en: { one: 'customer', other: 'customers' }, ru: { one: 'покупателя', other: 'покупателей' } },
  percentagePoints: { en: { one: 'percentage point', other: 'percentage points' }, ru: { other: 'п. п.' } },
  // "in 40 orders" / "40 заказов"
  orderCount: { en: { one: 'order', other: 'orders' }, ru: { one: 'заказ', few: 'заказа', many: 'заказов', other: 'заказа' } },
  buyers: { en: { one: 'buyer', other: 'buyers' }, ru: { one: 'покупатель', few: 'покупателя', many: 'покупателей', other: 'покупателя' } },
  oneTimeBuyers: { en: { one: 'one-time buyer', other: 'one-time buyers' }, ru: { one: 'покупатель', few: 'покупателя', many: 'покупателей', other: 'покупателя' } },
} satisfies Record<string, Record<Language, PluralForms>>

const INTERVAL_NAMES: Record<Language, Record<TrendFact['interval'], string>> = {
  en: { day: 'day', week: 'week', month: 'month' },
  ru: { day: 'день', week: 'неделю', month: 'месяц' },
}

/**
 * The template texts of the insights, in English or Russian, written from the facts alone (they are what the
 * assistant says when no language model is available, and what replaces a model's answer that fails validation).
 *
 * @example
 * const texts = insightTexts('ru', 'RUB')
 * texts.trend(fact) // 'Выручка растёт: +12 345,5 ₽ в месяц (Манн–Кендалл p = 0,002)…'
 */
export function insightTexts(lang: Language, currency: string) {
  const f = formatters(lang, currency)
  const ru = lang === 'ru'
  const p = (value: number) => (value < 0.001 ? (ru ? 'p < 0,001' : 'p < 0.001') : `p = ${f.pValue(value)}`)
  const metricValue = (fact: TrendFact, value: number) => (fact.metric === 'orders' || fact.metric === 'customers' ? f.number(value) : f.money(value))
  // The word agrees with the number as written (rounded to two decimals), not with the unrounded value.
  const word = (value: number, forms: Record<Language, PluralForms>) => plural(lang, Math.round(value * 100) / 100, forms[lang])
  const count = (value: number, forms: Record<Language, PluralForms>) => `${f.number(value)} ${word(value, forms)}`
  // A verb or adjective after a count: singular for the counts that take "one" (1, 21, 101 in Russian).
  const agree = (value: number, one: string, other: string) => plural(lang, value, { one, other })

  const trend = (fact: TrendFact): string => {
    const metric = METRIC_NAMES[lang][fact.metric]
    const per = INTERVAL_NAMES[lang][fact.interval]
    switch (fact.kind) {
      case 'trend': {
        if (fact.metric === 'refundRate') return refundRate(fact)
        const slope = metricValue(fact, Math.abs(fact.slope ?? 0))
        const moving =
          fact.direction === 'up'
            ? ru ? `${metric}: рост на ${slope} в ${per}` : `${metric} is rising by ${slope} a ${per}`
            : fact.direction === 'down'
              ? ru ? `${metric}: снижение на ${slope} в ${per}` : `${metric} is falling by ${slope} a ${per}`
              : ru ? `${metric}: значимого тренда нет` : `${metric} shows no significant trend`
        const last = ru
          ? `${fact.period}: ${metricValue(fact, fact.current ?? 0)}, ${f.percent(fact.change)} к ${fact.previousPeriod}`
          : `${fact.period}: ${metricValue(fact, fact.current ?? 0)}, ${f.percent(fact.change)} against ${fact.previousPeriod}`
        return `${moving} (${ru ? 'тест Манна–Кендалла' : 'Mann-Kendall'}, ${p(fact.pValue)}, n = ${fact.periods}). ${last}.`
      }
      case 'product': {
        const share = f.percent(Math.abs(fact.shareSlope ?? 0))
        return ru
          ? `«${fact.product}»: доля в выручке ${fact.direction === 'up' ? 'растёт' : 'падает'} на ${share} в ${per} (${p(fact.pValue)}); выручка за вторую половину периода ${f.money(fact.current ?? 0)} против ${f.money(fact.previous ?? 0)} за первую.`
          : `“${fact.product}” is ${fact.direction === 'up' ? 'gaining' : 'losing'} ${share} of revenue a ${per} (${p(fact.pValue)}); its revenue was ${f.money(fact.current ?? 0)} in the second half of the period against ${f.money(fact.previous ?? 0)} in the first.`
      }
      case 'anomaly':
        return ru
          ? `${fact.period}: выручка ${f.money(fact.current ?? 0)} при ожидаемой ${f.money(fact.expected ?? 0)} (${fact.direction === 'up' ? 'всплеск' : 'провал'}, робастная оценка ${f.number(fact.score ?? 0)}).`
          : `${fact.period}: revenue ${f.money(fact.current ?? 0)} where ${f.money(fact.expected ?? 0)} was expected (a ${fact.direction === 'up' ? 'spike' : 'drop'}, robust score ${f.number(fact.score ?? 0)}).`
      case 'seasonality':
        return fact.seasonLength === 7
          ? ru
            ? `У выручки есть недельный ритм (автокорреляция ${f.number(fact.change)}, ${p(fact.pValue)}).`
            : `Revenue follows a weekly pattern (autocorrelation ${f.number(fact.change)}, ${p(fact.pValue)}).`
          : ru
            ? `У выручки есть годовая сезонность (автокорреляция ${f.number(fact.change)}, ${p(fact.pValue)}).`
            : `Revenue follows a yearly pattern (autocorrelation ${f.number(fact.change)}, ${p(fact.pValue)}).`
    }
  }

  const refundRate = (fact: TrendFact): string => {
    const points = Math.abs(fact.slope ?? 0) * 100
    const per = INTERVAL_NAMES[lang][fact.interval]
    const test = `${ru ? 'тест Манна–Кендалла' : 'Mann-Kendall'}, ${p(fact.pValue)}, n = ${fact.periods}`
    return ru
      ? `Доля возвратов растёт на ${count(points, WORDS.percentagePoints)} в ${per} (${test}). ${fact.period}: возвращено ${f.percent(fact.current ?? 0)} валовой выручки против ${f.percent(fact.previous ?? 0)} в ${fact.previousPeriod}.`
      : `The refund rate is rising by ${count(points, WORDS.percentagePoints)} a ${per} (${test}). ${fact.period}: ${f.percent(fact.current ?? 0)} of gross revenue refunded, against ${f.percent(fact.previous ?? 0)} in ${fact.previousPeriod}.`
  }

  const forecast = (fact: ForecastFact): string => {
    const next = fact.points[0]
    if (!next) return ''
    const range = `${f.money(next.lower)} – ${f.money(next.upper)}`
    const backtest = fact.backtest
      ? fact.beatsBaseline
        ? ru
          ? `Метод ${fact.method} на ретроспективной проверке точнее сезонного наивного прогноза (MASE ${f.number(fact.backtest.mase)} против ${f.number(fact.backtest.baselineMase)}).`
          : `${fact.method} beat seasonal naive on the backtest (MASE ${f.number(fact.backtest.mase)} against ${f.number(fact.backtest.baselineMase)}).`
        : ru
          ? `Ни один метод не оказался точнее сезонного наивного прогноза (MASE ${f.number(fact.backtest.baselineMase)}), поэтому используется он.`
          : `No method beat seasonal naive on the backtest (MASE ${f.number(fact.backtest.baselineMase)}), so seasonal naive is used.`
      : ru
        ? 'Истории мало для ретроспективной проверки; используется сезонный наивный прогноз.'
        : 'The history is too short to backtest; seasonal naive is used.'
    return ru
      ? `Прогноз выручки на ${next.period}: ${f.money(next.value)} (95 %: ${range}). ${backtest}`
      : `Revenue forecast for ${next.period}: ${f.money(next.value)} (95%: ${range}). ${backtest}`
  }

  const evidence = (fact: RecommendationFact, metric: string) => fact.evidence.find((item) => item.metric === metric)?.value as number
  const recommendation = (fact: RecommendationFact): { title: string; rationale: string } => {
    const impact = fact.expectedImpact ? f.money(fact.expectedImpact.value) : ''
    const members = fact.audience?.count ?? 0
    const s = fact.subject
    switch (fact.kind) {
      case 'win_back':
        return ru
          ? { title: 'Верните ценных покупателей', rationale: `${count(members, WORDS.customers)} из двух верхних квинтилей по выручке, скорее всего, ${agree(members, 'ушёл', 'ушли')}: средняя вероятность, что ${agree(members, 'он ещё активен', 'они ещё активны')}, ${f.percent(evidence(fact, 'averageProbabilityActive'))} (BG/NBD). В год ${agree(members, 'он приносил', 'они приносили')} ${impact}.` }
          : { title: 'Win back valuable customers', rationale: `${count(members, WORDS.customers)} from the top two revenue quintiles ${agree(members, 'has', 'have')} probably lapsed: their average probability of still being active is ${f.percent(evidence(fact, 'averageProbabilityActive'))} (BG/NBD). They brought in ${impact} a year.` }
      case 'cross_sell':
        return ru
          ? { title: `Предложите «${s.otherProduct}» к «${s.product}»`, rationale: `${f.percent(evidence(fact, 'confidence'))} заказов с «${s.product}» содержат и «${s.otherProduct}» (лифт ${f.number(evidence(fact, 'lift'))}, ${count(evidence(fact, 'basketsWithBoth'), WORDS.orderCount)}). ${count(members, WORDS.buyers)} «${s.product}» ещё не ${agree(members, 'брал', 'брали')} «${s.otherProduct}»; ожидаемый эффект ${impact}.` }
          : { title: `Offer “${s.otherProduct}” with “${s.product}”`, rationale: `${f.percent(evidence(fact, 'confidence'))} of orders with “${s.product}” also hold “${s.otherProduct}” (lift ${f.number(evidence(fact, 'lift'))}, ${count(evidence(fact, 'basketsWithBoth'), WORDS.orderCount)}). ${count(members, WORDS.buyers)} of “${s.product}” ${agree(members, 'has', 'have')} never bought “${s.otherProduct}”; expected impact ${impact}.` }
      case 'second_purchase':
        return ru
          ? { title: 'Подтолкните ко второй покупке', rationale: `Вторую покупку обычно делают через ${f.number(evidence(fact, 'medianDaysToSecondPurchase'))} дн. (медиана). ${count(members, WORDS.oneTimeBuyers)} с одной покупкой сейчас в этом окне; повторно покупают ${f.percent(evidence(fact, 'repeatRate'))}, средний чек ${f.money(evidence(fact, 'averageOrderValue'))}: ожидаемый эффект ${impact}.` }
          : { title: 'Nudge one-time buyers to a second purchase', rationale: `A second purchase typically comes ${count(evidence(fact, 'medianDaysToSecondPurchase'), WORDS.days)} after the first (median). ${count(members, WORDS.oneTimeBuyers)} ${agree(members, 'is', 'are')} in that window now; ${f.percent(evidence(fact, 'repeatRate'))} of customers buy again, at an average order of ${f.money(evidence(fact, 'averageOrderValue'))}: expected impact ${impact}.` }
      case 'promote_rising':
        return ru
          ? { title: `Продвигайте «${s.product}»`, rationale: `Доля «${s.product}» в выручке растёт на ${f.percent(evidence(fact, 'shareSlopePerPeriod'))} в ${INTERVAL_NAMES.ru[s.interval as TrendFact['interval']] ?? ''} (${p(evidence(fact, 'pValue'))}), это ${impact} выручки в ${INTERVAL_NAMES.ru[s.interval as TrendFact['interval']] ?? ''}.` }
          : { title: `Promote “${s.product}”`, rationale: `“${s.product}” is gaining ${f.percent(evidence(fact, 'shareSlopePerPeriod'))} of revenue a ${s.interval} (${p(evidence(fact, 'pValue'))}), worth ${impact} a ${s.interval}.` }
      case 'review_falling':
        return ru
          ? { title: `Разберитесь с «${s.product}»`, rationale: `Доля «${s.product}» в выручке падает на ${f.percent(Math.abs(evidence(fact, 'shareSlopePerPeriod')))} в ${INTERVAL_NAMES.ru[s.interval as TrendFact['interval']] ?? ''} (${p(evidence(fact, 'pValue'))}), это ${impact} выручки в ${INTERVAL_NAMES.ru[s.interval as TrendFact['interval']] ?? ''}: проверьте цену, наличие и отзывы.` }
          : { title: `Look into “${s.product}”`, rationale: `“${s.product}” is losing ${f.percent(Math.abs(evidence(fact, 'shareSlopePerPeriod')))} of revenue a ${s.interval} (${p(evidence(fact, 'pValue'))}), worth ${impact} a ${s.interval}: check its price, stock and reviews.` }
      case 'forecast_peak':
        return ru
          ? { title: `Готовьтесь к пику в ${s.period}`, rationale: `Прогноз на ${s.period}: ${f.money(evidence(fact, 'forecast'))} (${f.money(evidence(fact, 'lower'))} – ${f.money(evidence(fact, 'upper'))}), это ${f.percent(evidence(fact, 'change'))} к ${s.lastPeriod} (${f.money(evidence(fact, 'lastActual'))}). Проверьте запасы и кампании.` }
          : { title: `Prepare for a peak in ${s.period}`, rationale: `The forecast for ${s.period} is ${f.money(evidence(fact, 'forecast'))} (${f.money(evidence(fact, 'lower'))} – ${f.money(evidence(fact, 'upper'))}), ${f.percent(evidence(fact, 'change'))} against ${s.lastPeriod} (${f.money(evidence(fact, 'lastActual'))}). Check stock and campaigns.` }
      case 'review_refunds':
        return reviewRefunds(fact, impact)
      case 'warm_not_buying':
        return warmNotBuying(fact, impact)
    }
  }

  const reviewRefunds = (fact: RecommendationFact, impact: string): { title: string; rationale: string } => {
    const product = fact.subject.product
    const refunds = evidence(fact, 'refunds')
    const orders = evidence(fact, 'orders')
    const days = evidence(fact, 'days')
    const tested = evidence(fact, 'productsTested')
    const rate = f.percent(evidence(fact, 'refundRate'))
    const shop = f.percent(evidence(fact, 'shopRefundRate'))
    return ru
      ? {
          title: `Разберитесь с возвратами «${product}»`,
          rationale: `«${product}» возвращали ${count(refunds, WORDS.times)} при ${count(orders, WORDS.orders)} за последние ${count(days, WORDS.days)}: ${rate} против ${shop} у остального магазина (односторонний биномиальный тест, ${p(evidence(fact, 'pValue'))} с поправкой Бенджамини–Хохберга на ${count(tested, WORDS.products)}). Возвраты сверх доли магазина обошлись в ${impact}: проверьте качество, описание и доставку.`,
        }
      : {
          title: `Look into the refunds of “${product}”`,
          rationale: `“${product}” was refunded ${count(refunds, WORDS.times)} against ${count(orders, WORDS.orders)} in the last ${count(days, WORDS.days)}: ${rate}, against ${shop} for the rest of the shop (one-sided binomial test, ${p(evidence(fact, 'pValue'))} after Benjamini–Hochberg over ${count(tested, WORDS.products)}). The refunds above the shop’s rate cost ${impact}: check its quality, description and delivery.`,
        }
  }

  const warmNotBuying = (fact: RecommendationFact, impact: string): { title: string; rationale: string } => {
    const members = fact.audience?.count ?? 0
    const never = evidence(fact, 'neverBought')
    const window = evidence(fact, 'windowDays')
    const minimum = evidence(fact, 'minimumEvents')
    const idle = evidence(fact, 'daysWithoutPurchase')
    const cohort = evidence(fact, 'previousCohort')
    const bought = evidence(fact, 'previousCohortBought')
    const conversion = fact.evidence.some((item) => item.metric === 'conversionRate') ? evidence(fact, 'conversionRate') : null
    if (ru) {
      const who = `${count(members, WORDS.customers)} ${agree(members, 'был активен', 'были активны')} за последние ${count(window, WORDS.days)} (не меньше ${count(minimum, WORDS.events)} у каждого), но не ${agree(members, 'покупал', 'покупали')} ${count(idle, WORDS.days)}; ${f.number(never)} из них ещё ни разу не ${agree(never, 'покупал', 'покупали')}.`
      const outlook =
        conversion === null
          ? `${count(window, WORDS.days)} назад в таком положении было слишком мало покупателей (${f.number(cohort)}), чтобы оценить, сколько из них купит.`
          : `Из тех, кто был в таком положении ${count(window, WORDS.days)} назад (${f.number(cohort)}), за эти ${count(window, WORDS.days)} ${agree(bought, 'купил', 'купили')} ${f.number(bought)} (${f.percent(conversion)}); при среднем чеке ${f.money(evidence(fact, 'averageOrderValue'))} ожидаемый эффект ${impact}.`
      return { title: 'Свяжитесь с активными покупателями, которые не покупают', rationale: `${who} ${outlook}` }
    }
    const who = `${count(members, WORDS.customers)} ${agree(members, 'was', 'were')} active in the last ${count(window, WORDS.days)} (at least ${count(minimum, WORDS.events)} each) but ${agree(members, 'has', 'have')} not bought in ${count(idle, WORDS.days)}; ${f.number(never)} of them ${agree(never, 'has', 'have')} never bought.`
    const outlook =
      conversion === null
        ? `Too few customers were in that situation ${count(window, WORDS.days)} earlier (${f.number(cohort)}) to estimate how many will buy.`
        : `Of the ${count(cohort, WORDS.ofCustomers)} in that situation ${count(window, WORDS.days)} earlier, ${f.number(bought)} bought within ${count(window, WORDS.days)} (${f.percent(conversion)}); at an average order of ${f.money(evidence(fact, 'averageOrderValue'))}, the expected impact is ${impact}.`
    return { title: 'Reach out to warm customers who are not buying', rationale: `${who} ${outlook}` }
  }

  const summary = (facts: InsightFacts): string => {
    const { headline } = facts
    if (headline.period === null) {
      return ru ? 'Пока нет ни одного полного месяца продаж для выводов.' : 'There is no complete month of sales to draw conclusions from yet.'
    }
    const parts = [
      ru
        ? `Выручка за ${headline.period}: ${f.money(headline.revenue)}, ${f.number(headline.orders)} заказов от ${f.number(headline.customers)} покупателей${headline.revenueChange !== null ? ` (${f.percent(headline.revenueChange)} к ${headline.previousPeriod})` : ''}.`
        : `Revenue in ${headline.period}: ${f.money(headline.revenue)} from ${f.number(headline.orders)} orders by ${f.number(headline.customers)} customers${headline.revenueChange !== null ? ` (${f.percent(headline.revenueChange)} against ${headline.previousPeriod})` : ''}.`,
    ]
    const revenueTrend = facts.trends.find((fact) => fact.id === 'revenue-month' && fact.direction !== 'flat')
    if (revenueTrend) parts.push(trend(revenueTrend).split('. ')[0] + '.')
    if (facts.forecast) parts.push(forecast(facts.forecast).split('. ')[0] + '.')
    const top = facts.recommendations[0]
    if (top) parts.push((ru ? 'Главная рекомендация: ' : 'Top recommendation: ') + recommendation(top).title + '.')
    return parts.join(' ')
  }

  return { trend, forecast, recommendation, summary, segmentName: (segment: RfmSegment) => SEGMENT_NAMES[lang][segment] }
}
