/** A sink for log text, written as given (one or many lines). */
export type LineSink = (text: string) => void

export type LineBatcher = {
  /** Queues a line; it is written with the others of this turn of the event loop. */
  write(line: string): void
  /** Writes what is queued now. */
  flush(): void
}

/** Past this many characters queued, the batch is written at once instead of at the end of the turn. */
const MAX_BATCH_CHARS = 64 * 1024

/**
 * Gathers the log lines of one turn of the event loop into one write. Node writes to a pipe or a file
 * synchronously, a system call each: with a request log line per request, that was 4 % of the event loop's time
 * under a load of small requests. What is still queued when the process exits is written then.
 *
 * @example
 * const lines = batchLines((text) => process.stdout.write(text))
 * lines.write('{"msg":"request"}\n') // written after this turn, with the turn's other lines
 */
export function batchLines(sink: LineSink): LineBatcher {
  let queued = ''
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (queued === '') return
    const text = queued
    queued = ''
    sink(text)
  }
  process.on('exit', flush)
  return {
    write(line) {
      queued += line
      if (queued.length >= MAX_BATCH_CHARS) flush()
      else if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    },
    flush,
  }
}
