import { parseCsv } from '../csv'
import { field, h, replace, table } from '../dom'
import { t } from '../i18n'
import { card, failureMessage } from './async-section'
import { csvEvents, type RowEvent } from './csv-events'
import type { ViewContext } from './view-context'

type BatchAnswer = { accepted: number; duplicates: number; rejected: { index: number; code: string; message: string; issues?: { path: string; message: string }[] }[] }
type RowProblem = { file: string; line: number; message: string }

const CHUNK = 500

/**
 * Imports past users and purchases from CSV files through `/v1/batch` (the same ingestion path as the SDK), users
 * first so purchases find their customers, with a progress bar and a report of every rejected row.
 *
 * @example
 * main.append(importView(context))
 */
export function importView(context: ViewContext): HTMLElement {
  const users = h('input', { type: 'file', name: 'users', accept: '.csv,text/csv' })
  const purchases = h('input', { type: 'file', name: 'purchases', accept: '.csv,text/csv' })
  const progress = h('progress', { max: '1', value: '0', hidden: true })
  const report = h('div', { 'aria-live': 'polite' })
  const submit = h('button', { type: 'submit' }, t('startImport'))
  const form = h(
    'form',
    { class: 'stack' },
    field(t('importUsers'), users, t('importUsersHint')),
    field(t('importPurchases'), purchases, t('importPurchasesHint')),
    submit,
    field(t('progress'), progress),
  )

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const files = [
      { file: users.files?.[0], kind: 'user' as const },
      { file: purchases.files?.[0], kind: 'purchase' as const },
    ].filter((entry): entry is { file: File; kind: 'user' | 'purchase' } => entry.file !== undefined)
    if (files.length === 0) {
      replace(report, h('p', { class: 'notice error', role: 'alert' }, t('chooseFile')))
      return
    }
    submit.disabled = true
    replace(report)
    try {
      const jobs = await Promise.all(files.map(async ({ file, kind }) => ({ name: file.name, rows: csvEvents(parseCsv(await file.text()), kind) })))
      const total = jobs.reduce((sum, job) => sum + job.rows.length, 0)
      if (total === 0) {
        replace(report, h('p', { class: 'notice error', role: 'alert' }, t('emptyCsv')))
        return
      }
      progress.hidden = false
      progress.max = total
      progress.value = 0
      const totals = { accepted: 0, duplicates: 0 }
      const problems: RowProblem[] = []
      for (const job of jobs) {
        for (let start = 0; start < job.rows.length; start += CHUNK) {
          const chunk: RowEvent[] = job.rows.slice(start, start + CHUNK)
          const answer = await context.api.post<BatchAnswer>('/v1/batch', { batch: chunk.map((row) => row.event) })
          totals.accepted += answer.accepted
          totals.duplicates += answer.duplicates
          for (const rejected of answer.rejected) {
            const issues = rejected.issues?.map((issue) => `${issue.path.replace(/^batch\.\d+\.?/, '')}: ${issue.message}`).join('; ')
            problems.push({ file: job.name, line: chunk[rejected.index]?.line ?? 0, message: issues || rejected.message })
          }
          progress.value += chunk.length
        }
      }
      replace(
        report,
        h('p', { role: 'status' }, t('importDone', { accepted: totals.accepted, duplicates: totals.duplicates, rejected: problems.length })),
        problems.length > 0
          ? card(t('rejectedRows'), h('div', { class: 'scroll' }, table(['CSV', t('row'), t('problem')], problems.map((p) => [p.file, String(p.line), p.message]), t('rejectedRows'))))
          : null,
      )
    } catch (error) {
      replace(report, failureMessage(error))
    } finally {
      submit.disabled = false
    }
  })
  return h('div', {}, h('h1', { tabindex: '-1' }, t('importTitle')), h('div', { class: 'card' }, form), report)
}
