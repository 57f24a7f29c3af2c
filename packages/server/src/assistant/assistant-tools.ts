import { z } from 'zod'
import type { CustomersService } from '../customers'
import { embedSalesReport } from '../embed/embed-forms'
import type { InsightsService } from '../insights/insights-service'
import type { ReportsService, SalesReport } from '../reports'
import type { AppRow } from '../store'

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const IntervalArg = z.enum(['day', 'week', 'month'])

export type ToolContext = { app: AppRow; asOf: number | undefined; lang: 'en' | 'ru' }

type ToolDefinition<S extends z.ZodObject, Result> = {
  description: string
  parameters: S
  run: (args: z.output<S>, context: ToolContext) => Promise<Result>
}

const tool = <S extends z.ZodObject, Result>(definition: ToolDefinition<S, Result>) => definition

/**
 * The only things the assistant's model can look up: whitelisted analytics functions with validated arguments,
 * each answering computed figures. There is no free query and no SQL.
 *
 * @example
 * const tools = assistantTools({ reports, insights, customers })
 * await tools.sales_report.run({ interval: 'month' }, { app, asOf: undefined, lang: 'en' })
 */
export function assistantTools(services: { reports: ReportsService; insights: InsightsService; customers: CustomersService }) {
  const { reports, insights, customers } = services
  return {
    overview: tool({
      description: 'Summary of the shop: last complete month, the main trends, forecast and top recommendations.',
      parameters: z.object({}),
      run: async (_args, context) => {
        const result = await insights.insights(context.app, { asOf: context.asOf, lang: context.lang, narrate: false })
        return {
          summary: result.summary,
          trends: result.trends.slice(0, 8).map((trend) => trend.description),
          forecast: result.forecast?.description ?? result.forecastReason,
          recommendations: result.recommendations.slice(0, 5).map((recommendation) => recommendation.title),
        }
      },
    }),
    sales_report: tool({
      description: 'Sales totals, series by period, top products and customers for a date range (dates YYYY-MM-DD, in the shop’s time zone).',
      parameters: z.object({ from: LocalDate.optional(), to: LocalDate.optional(), interval: IntervalArg.optional() }),
      run: async (args, context): Promise<SalesReport> => {
        const report = await reports.sales(context.app, { from: args.from, to: args.to, interval: args.interval ?? 'month', asOf: context.asOf ?? Date.now() })
        return { ...report, series: report.series.slice(-24), topProducts: report.topProducts.slice(0, 5), topCustomers: report.topCustomers.slice(0, 5) }
      },
    }),
    trends: tool({
      description: 'Statistically tested trends of revenue, orders, customers, average order value and products; anomalies; seasonality.',
      parameters: z.object({}),
      run: async (_args, context) =>
        (await insights.trends(context.app, context)).data.map(({ id, direction, change, pValue, period, description }) => ({ id, direction, change, pValue, period, description })),
    }),
    forecast: tool({
      description: 'Revenue forecast with 95% intervals.',
      parameters: z.object({ interval: IntervalArg.optional(), horizon: z.number().int().min(1).max(24).optional() }),
      run: async (args, context) => insights.forecast(context.app, { ...context, interval: args.interval, horizon: args.horizon }),
    }),
    segments: tool({
      description: 'RFM customer segments with customer counts and revenue.',
      parameters: z.object({}),
      run: async (_args, context) => (await insights.insights(context.app, { ...context, narrate: false })).segments,
    }),
    recommendations: tool({
      description: 'Recommended actions with audience size, evidence and expected impact.',
      parameters: z.object({}),
      run: async (_args, context) =>
        (await insights.recommendations(context.app, context)).data.map(({ audience, ...recommendation }) => ({
          ...recommendation,
          audienceSize: audience?.count ?? null,
        })),
    }),
    customer: tool({
      description: 'One customer by userId: orders, revenue, dates and predictions (probability active, expected purchases and revenue in 90 days).',
      parameters: z.object({ userId: z.string().min(1).max(255) }),
      run: async (args, context) => {
        const detail = await customers.get(context.app, args.userId, { asOf: context.asOf ?? Date.now(), horizonDays: 90 })
        return { customer: { userId: detail.customer.userId, name: detail.customer.name }, stats: detail.stats, predictions: detail.predictions }
      },
    }),
  }
}

export type AssistantTools = ReturnType<typeof assistantTools>
export type ToolName = keyof AssistantTools
/** Some of the tools, as the assistant runs them (each validates its own arguments). */
export type ToolSet = {
  readonly [Name in ToolName]?: { description: string; parameters: z.ZodObject; run: (args: never, context: ToolContext) => Promise<unknown> }
}
/** The tools of an embed token's questions: the model sees no customer, so its answer names none. */
export type EmbedAssistantTools = ReturnType<typeof embedAssistantTools>

/**
 * The tools an embed token's questions may use: no look-up of one customer, and the sales report in its embed form
 * (top customers anonymous). The recommendations already give audiences as sizes; the other tools name no customer.
 *
 * @example
 * new Assistant(llm, embedAssistantTools(assistantTools({ reports, insights, customers })))
 */
export function embedAssistantTools(tools: AssistantTools) {
  // Listed one by one, so that a tool added later reaches an embed token only when added here.
  const { overview, sales_report: salesReport, trends, forecast, segments, recommendations } = tools
  return {
    overview,
    sales_report: tool({ ...salesReport, run: async (args, context) => embedSalesReport(await salesReport.run(args, context)) }),
    trends,
    forecast,
    segments,
    recommendations,
  }
}
