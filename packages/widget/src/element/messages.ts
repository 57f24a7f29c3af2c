/** The widget's own labels; the data's texts (summary, descriptions) come from the server in `lang`. */
export interface Messages {
  titles: Record<'summary' | 'revenue' | 'forecast' | 'recommendations', string>
  loading: string
  empty: string
  error: string
  expired: string
  missingToken: string
  retry: string
  updated: string
  totals: Record<'revenue' | 'grossRevenue' | 'refunds' | 'orders' | 'customers' | 'newCustomers' | 'averageOrderValue' | 'repeatCustomerRate', string>
  topProducts: string
  topCustomers: string
  /** A top customer, by rank only: the embed token reads no one's name. */
  customerRank: (rank: string) => string
  trends: string
  trendsUp: string
  trendsDown: string
  nextForecast: string
  recommendationCount: string
  history: string
  forecast: string
  interval: string
  backtest: (mase: string, baseline: string) => string
  noForecast: string
  audience: Record<Intl.LDMLPluralRule, string>
  otherCurrencies: string
  /** Added to the tooltip of a period not over yet. */
  partialPoint: string
  /** A note under a chart whose last period is not over: `period` as the chart labels it. */
  partialPeriod: (period: string) => string
}

const en: Messages = {
  titles: { summary: 'Insights', revenue: 'Revenue', forecast: 'Revenue forecast', recommendations: 'Recommendations' },
  loading: 'Loading…',
  empty: 'No data yet. Insights appear once purchases come in.',
  error: 'Could not load the data.',
  expired: 'This view has expired. Reload the page to see fresh data.',
  missingToken: 'No access token was given to the widget.',
  retry: 'Try again',
  updated: 'Updated',
  totals: {
    revenue: 'Net revenue',
    grossRevenue: 'Gross revenue',
    refunds: 'Refunds',
    orders: 'Orders',
    customers: 'Customers',
    newCustomers: 'New customers',
    averageOrderValue: 'Average order',
    repeatCustomerRate: 'Repeat customers',
  },
  topProducts: 'Top products',
  topCustomers: 'Top customers',
  customerRank: (rank) => `Customer #${rank}`,
  trends: 'Trends',
  trendsUp: 'Trends up',
  trendsDown: 'Trends down',
  nextForecast: 'Next period forecast',
  recommendationCount: 'Recommendations',
  history: 'Revenue',
  forecast: 'Forecast',
  interval: 'Prediction interval',
  backtest: (mase, baseline) => `Backtest: MASE ${mase} vs seasonal naive ${baseline} (lower is better)`,
  noForecast: 'Not enough history for a forecast yet.',
  audience: { zero: '# customers', one: '# customer', two: '# customers', few: '# customers', many: '# customers', other: '# customers' },
  otherCurrencies: 'Other currencies',
  partialPoint: '(so far)',
  partialPeriod: (period) => `${period} is not over yet: its point is dashed and shows the figures so far.`,
}

const ru: Messages = {
  titles: { summary: 'Аналитика', revenue: 'Выручка', forecast: 'Прогноз выручки', recommendations: 'Рекомендации' },
  loading: 'Загрузка…',
  empty: 'Данных пока нет. Аналитика появится, когда придут покупки.',
  error: 'Не удалось загрузить данные.',
  expired: 'Срок действия просмотра истёк. Обновите страницу, чтобы увидеть свежие данные.',
  missingToken: 'Виджету не передан токен доступа.',
  retry: 'Повторить',
  updated: 'Обновлено',
  totals: {
    revenue: 'Чистая выручка',
    grossRevenue: 'Валовая выручка',
    refunds: 'Возвраты',
    orders: 'Заказы',
    customers: 'Клиенты',
    newCustomers: 'Новые клиенты',
    averageOrderValue: 'Средний чек',
    repeatCustomerRate: 'Повторные клиенты',
  },
  topProducts: 'Лучшие товары',
  topCustomers: 'Лучшие клиенты',
  customerRank: (rank) => `Клиент №${rank}`,
  trends: 'Тренды',
  trendsUp: 'Растущие тренды',
  trendsDown: 'Падающие тренды',
  nextForecast: 'Прогноз на следующий период',
  recommendationCount: 'Рекомендации',
  history: 'Выручка',
  forecast: 'Прогноз',
  interval: 'Интервал прогноза',
  backtest: (mase, baseline) => `Проверка на истории: MASE ${mase} против сезонного наивного ${baseline} (меньше — лучше)`,
  noForecast: 'Истории пока мало для прогноза.',
  audience: { zero: '# клиентов', one: '# клиент', two: '# клиента', few: '# клиента', many: '# клиентов', other: '# клиента' },
  otherCurrencies: 'Другие валюты',
  partialPoint: '(на текущий момент)',
  partialPeriod: (period) => `Период ${period} ещё не закончился: его точка пунктирная и показывает данные на текущий момент.`,
}

/**
 * The labels for a BCP 47 language tag: Russian for `ru*`, English otherwise.
 *
 * @example
 * messagesFor('ru-RU').retry // 'Повторить'
 */
export function messagesFor(lang: string): Messages {
  return lang.toLowerCase().startsWith('ru') ? ru : en
}
