import { ApiFailure } from '../api'
import { field, h, replace } from '../dom'
import { t } from '../i18n'
import { card, failureMessage } from './async-section'
import type { ViewContext } from './view-context'

type Answer = { answer: string; facts: unknown[]; ai: { status: string; model?: string } }

/**
 * A box to ask the assistant; shows the answer and the facts it was built from.
 *
 * @example
 * main.append(assistantView(context))
 */
export function assistantView(context: ViewContext): HTMLElement {
  const question = h('textarea', { name: 'question', rows: '3', maxlength: '1000', required: true, placeholder: t('questionHint') })
  const answer = h('div', { 'aria-live': 'polite' })
  const submit = h('button', { type: 'submit' }, t('askButton'))
  const form = h('form', { class: 'stack' }, field(t('question'), question), submit)
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    submit.disabled = true
    replace(answer, h('p', { class: 'muted', role: 'status' }, t('loading')))
    try {
      const result = await context.api.post<Answer>('/v1/assistant/ask', { question: question.value.trim() })
      replace(
        answer,
        card(t('ask'), h('p', { class: 'answer' }, result.answer)),
        result.facts.length > 0 ? card(t('facts'), h('ul', {}, result.facts.map((fact) => h('li', {}, factText(fact))))) : null,
      )
    } catch (error) {
      replace(
        answer,
        error instanceof ApiFailure && error.code === 'ai_unavailable' ? h('p', { class: 'notice', role: 'alert' }, t('aiUnavailable')) : failureMessage(error),
      )
    } finally {
      submit.disabled = false
    }
  })
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit()
  })
  return h('div', {}, h('h1', { tabindex: '-1' }, t('navAssistant')), form, answer)
}

function factText(fact: unknown): string {
  if (typeof fact === 'string') return fact
  if (fact && typeof fact === 'object') {
    const record = fact as Record<string, unknown>
    if (typeof record.description === 'string') return record.description
    if (typeof record.text === 'string') return record.text
    if ('label' in record && 'value' in record) return `${String(record.label)}: ${String(record.value)}`
    return JSON.stringify(fact)
  }
  return String(fact)
}
