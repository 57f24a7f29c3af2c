import { batchLines } from './line-batcher'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'
export type LogFields = Record<string, string | number | boolean | null | undefined>

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type Logger = {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

/**
 * A structured logger writing one JSON object a line, to stdout by default (the lines of a turn of the event loop
 * in one write). Callers pass only safe fields: keys, tokens, passwords and bodies are never logged.
 *
 * @example
 * const log = createLogger('info')
 * log.info('request', { requestId, method: 'GET', path: '/v1/customers', status: 200, ms: 3.1 })
 */
export function createLogger(level: LogLevel, write: (line: string) => void = stdoutLines()): Logger {
  const threshold = RANK[level]
  const emit = (entryLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (RANK[entryLevel] < threshold) return
    write(`${JSON.stringify({ time: new Date().toISOString(), level: entryLevel, msg: message, ...fields })}\n`)
  }
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  }
}

let stdout: ((line: string) => void) | undefined
/** One batcher for every logger of the process writing to stdout, so that their lines keep their order. */
function stdoutLines(): (line: string) => void {
  stdout ??= batchLines((text) => process.stdout.write(text)).write
  return stdout
}
