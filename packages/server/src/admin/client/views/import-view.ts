import { toCsv } from '../csv'
import { planBatches } from '../csv-import/batches'
import { decodeText, type DecodedText } from '../csv-import/decode-text'
import { readImportFile, type ImportFile } from '../csv-import/import-file'
import type { ImportOptions, RowKind, RowProblem } from '../csv-import/import-types'
import { rejectedRows, type BatchRejection } from '../csv-import/rejections'
import { download, field, h, replace, table } from '../dom'
import { t, type MessageKey } from '../i18n'
import { card, failureMessage } from './async-section'
import type { ViewContext } from './view-context'

type BatchAnswer = { accepted: number; duplicates: number; rejected: BatchRejection[] }
type ReportRow = { file: string; line: number; message: string }
type ReadFile = { name: string; decoded: DecodedText; read: ImportFile }

/** Where a file's unmatched columns go, by the kind of its rows. */
const OTHER_COLUMNS: Record<RowKind | 'byRow', MessageKey> = {
  user: 'importColumnsTraits',
  event: 'importColumnsProperties',
  byRow: 'importColumnsMixed',
  purchase: 'importColumnsIgnored',
  refund: 'importColumnsIgnored',
}

/** Rejected rows shown on the page; the downloadable report has them all. */
const SHOWN_PROBLEMS = 200

/**
 * Imports past users, purchases, refunds and events from CSV files through `/v1/batch` (the same ingestion path as
 * the SDK): a file per kind or one file with a `type` column, read as real exports write them (see `csv-import/`),
 * with a progress bar, what was understood of each file, and every refused row with its line.
 *
 * @example
 * main.append(importView(context))
 */
export function importView(context: ViewContext): HTMLElement {
  const files = h('input', { type: 'file', name: 'files', multiple: true, accept: '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain' })
  const kind = select('kind', [
    ['detect', t('importKindDetect')],
    ['purchase', t('kind_purchase')],
    ['refund', t('kind_refund')],
    ['event', t('kind_event')],
    ['user', t('kind_user')],
  ])
  const dateOrder = select('dateOrder', [
    ['detect', t('importDateRefuse')],
    ['dmy', t('importDateDmy')],
    ['mdy', t('importDateMdy')],
  ])
  const decimalMark = select('decimalMark', [
    ['detect', t('importNumberRefuse')],
    ['.', t('importNumberPoint')],
    [',', t('importNumberComma')],
  ])
  const progress = h('progress', { max: '1', value: '0', hidden: true })
  const report = h('div', { 'aria-live': 'polite' })
  const submit = h('button', { type: 'submit' }, t('startImport'))
  const form = h(
    'form',
    { class: 'stack' },
    field(t('importFiles'), files, t('importFilesHint')),
    field(t('importKind'), kind, t('importKindHint')),
    field(t('importDates'), dateOrder, t('importDatesHint')),
    field(t('importNumbers'), decimalMark, t('importNumbersHint')),
    h('p', { class: 'notice' }, t('importCancellations', { currency: context.app.currency })),
    h('details', {}, h('summary', {}, t('importColumnsTitle')), h('p', { class: 'hint' }, t('importColumns'))),
    submit,
    field(t('progress'), progress),
  )

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const chosen = [...(files.files ?? [])]
    if (chosen.length === 0) {
      replace(report, h('p', { class: 'notice error', role: 'alert' }, t('chooseFile')))
      return
    }
    const options: ImportOptions = {
      kind: kind.value as ImportOptions['kind'],
      dateOrder: dateOrder.value as ImportOptions['dateOrder'],
      decimalMark: decimalMark.value as ImportOptions['decimalMark'],
      currency: context.app.currency,
    }
    submit.disabled = true
    replace(report)
    try {
      const read: ReadFile[] = await Promise.all(
        chosen.map(async (file) => {
          const decoded = decodeText(new Uint8Array(await file.arrayBuffer()))
          return { name: file.name, decoded, read: readImportFile(decoded.text, options) }
        }),
      )
      const total = read.reduce((sum, file) => sum + file.read.rows, 0)
      if (total === 0) {
        replace(report, h('p', { class: 'notice error', role: 'alert' }, t('emptyCsv')))
        return
      }
      const problems: ReportRow[] = read.flatMap((file) => file.read.problems.map((problem) => ({ file: file.name, line: problem.line, message: problemText(problem) })))
      progress.hidden = false
      progress.max = total
      // Rows that will not be sent (refused here, left out with an order they belong to, in a file that could not
      // be read) are done already, so the bar ends full.
      progress.value = total - read.reduce((sum, file) => sum + file.read.events.reduce((rows, made) => rows + made.rows, 0), 0)
      const totals = { accepted: 0, duplicates: 0 }
      for (const batch of planBatches(read.map((file) => ({ name: file.name, events: file.read.events })))) {
        const answer = await context.api.post<BatchAnswer>('/v1/batch', { batch: batch.map((made) => made.event) })
        totals.accepted += answer.accepted
        totals.duplicates += answer.duplicates
        problems.push(...rejectedRows(batch, answer.rejected))
        progress.value += batch.reduce((sum, made) => sum + made.rows, 0)
      }
      problems.sort((a, b) => (a.file === b.file ? a.line - b.line : read.findIndex((file) => file.name === a.file) - read.findIndex((file) => file.name === b.file)))
      replace(
        report,
        h('p', { role: 'status' }, t('importDone', { accepted: totals.accepted, duplicates: totals.duplicates, rejected: problems.length })),
        card(t('importRead'), h('ul', { class: 'import-files' }, read.map(fileSummary))),
        read.some((file) => file.read.problems.some((problem) => problem.code === 'ambiguousDate' || problem.code === 'ambiguousAmount'))
          ? h('p', { class: 'notice' }, t('importAmbiguous'))
          : null,
        problems.length > 0 ? problemsCard(problems) : null,
      )
    } catch (error) {
      replace(report, failureMessage(error))
    } finally {
      submit.disabled = false
    }
  })
  return h('div', {}, h('h1', { tabindex: '-1' }, t('importTitle')), h('div', { class: 'card' }, form), report)
}

function select(name: string, options: [string, string][]): HTMLSelectElement {
  return h('select', { name }, options.map(([value, label]) => h('option', { value }, label)))
}

/** What was understood of a file: how it is cut, what its rows are, its columns, its cancellations. */
function fileSummary({ name, decoded, read }: ReadFile): HTMLElement {
  const lines: string[] = []
  if (read.kind === undefined) {
    lines.push(t('importUnknownKind', { columns: read.header.names.filter((column) => column !== '').join(', ') || '—' }))
  } else {
    const delimiter = t(read.delimiter === ',' ? 'delimiterComma' : read.delimiter === ';' ? 'delimiterSemicolon' : 'delimiterTab')
    lines.push(
      read.kind === 'byRow'
        ? t('importFileReadByRow', { rows: read.rows, delimiter })
        : t('importFileRead', { rows: read.rows, delimiter, kind: t(`kind_${read.kind}`) }),
    )
    const mapped = read.header.fields.flatMap((fieldName, column) => (fieldName ? [`${read.header.names[column]} → ${fieldName}`] : []))
    const other = read.header.names.filter((column, index) => column !== '' && read.header.fields[index] === undefined)
    const otherKey = OTHER_COLUMNS[read.kind]
    lines.push(t('importColumnsRead', { columns: mapped.join(', ') || '—' }) + (other.length > 0 ? ` ${t(otherKey, { columns: other.join(', ') })}` : ''))
  }
  if (decoded.encoding !== 'utf-8') lines.push(t('importEncoding', { encoding: decoded.encoding }))
  if (read.cancellations > 0) lines.push(t('importCancelled', { count: read.cancellations }))
  if (read.appCurrency) lines.push(t('importAppCurrency'))
  const [first, ...rest] = lines
  return h('li', {}, h('strong', {}, name), h('div', { class: read.kind === undefined ? 'error-text' : 'hint' }, first), rest.map((line) => h('div', { class: 'hint' }, line)))
}

/** The refused rows: the first ones on the page, all of them in a CSV download. */
function problemsCard(problems: ReportRow[]): HTMLElement {
  const rows = problems.slice(0, SHOWN_PROBLEMS).map((p) => [p.file, String(p.line), p.message])
  const downloadButton = h('button', { type: 'button', class: 'link' }, t('downloadReport'))
  downloadButton.addEventListener('click', () => download('import-report.csv', 'text/csv', toCsv([['file', 'row', 'problem'], ...problems.map((p) => [p.file, p.line, p.message])])))
  return card(
    t('rejectedRows'),
    h('div', { class: 'scroll' }, table(['CSV', t('row'), t('problem')], rows, t('rejectedRows'))),
    problems.length > SHOWN_PROBLEMS ? h('p', { class: 'hint' }, t('moreProblems', { count: problems.length - SHOWN_PROBLEMS })) : null,
    downloadButton,
  )
}

/** A row refused before sending, in words. */
function problemText(problem: RowProblem): string {
  const vars = { column: problem.column ?? '', value: problem.value ?? '', other: problem.otherLine ?? '' }
  const text = t(`problem_${problem.code}` as MessageKey, vars)
  return problem.groupId === undefined ? text : `${text} ${t('orderNotImported', { id: problem.groupId })}`
}
