import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { callerOf, requireKeyType } from '../apps/key-auth'
import { asOfInstant } from '../calendar'
import { readsEmbedForm } from '../embed/embed-forms'
import { endpoint } from '../http/endpoint'
import type { AppEnv } from '../http/env'
import { parseWith, readJson } from '../http/read-json'
import { errors, json } from '../http/responses'
import type { Assistant } from './assistant'
import { AskAnswerSchema, AskBody } from './schemas'

/**
 * `POST /v1/assistant/ask`, for a secret key or an embed token. An embed token's questions go to `embedAssistant`,
 * whose tools show the model no customer (see `embedAssistantTools`), so neither its answer nor its facts name one.
 *
 * @example
 * registerAssistantRoutes(app, { assistant, embedAssistant })
 */
export function registerAssistantRoutes(app: OpenAPIHono<AppEnv>, assistants: { assistant: Assistant; embedAssistant: Assistant }): void {
  endpoint(
    app,
    createRoute({
      method: 'post',
      path: '/v1/assistant/ask',
      tags: ['Reports and insights'],
      security: [{ apiKey: [] }],
      summary: 'Ask the assistant a question in plain language',
      description:
        'The language model answers by calling whitelisted analytics functions (never SQL) and phrasing their results; ' +
        'an answer that states a number the results do not hold is replaced by a template (`ai.status` says so). ' +
        '`503 ai_unavailable` when no language model is reachable (or `CRM_AI=off`). With an embed token the ' +
        'assistant looks up no single customer and sees top customers anonymous, so the answer and its facts name none.',
      request: { body: { content: { 'application/json': { schema: AskBody } }, required: true } },
      responses: { ...json(200, 'The answer and the facts it rests on', AskAnswerSchema), ...errors(400, 401, 403, 415, 503) },
    }),
    requireKeyType('secret', 'embed'),
    async (c) => {
      const body = parseWith(AskBody, await readJson(c, { maxBytes: 16_384 }))
      const caller = callerOf(c)
      const { app: shop } = caller
      const lang = body.lang ?? (shop.language === 'ru' ? 'ru' : 'en')
      const assistant = readsEmbedForm(caller) ? assistants.embedAssistant : assistants.assistant
      return c.json(await assistant.ask(shop, body.question, { asOf: body.asOf ? asOfInstant(body.asOf, shop.timezone) : undefined, lang }), 200)
    },
  )
}
