/** The part of Node's `process` the exit flush needs. */
export interface ExitTarget {
  on(event: 'beforeExit', listener: () => void): unknown
  off(event: 'beforeExit', listener: () => void): unknown
}

/** One client's membership in the exit flush. */
export interface ExitWatch {
  /** Events are queued: flush them if the process is about to exit. Calling it again changes nothing. */
  watch(): void
  /** The queue is empty or the client is shut down: stop, and give a later watch a fresh time budget. */
  unwatch(): void
}

/** A client's flush, bounded by `timeout` ms; it never rejects. */
export type TimedFlush = (timeout: number) => Promise<unknown>

/**
 * Makes the exit flush of one process: while a client watches, Node's `beforeExit` (the event loop ran dry, the
 * process is about to end) calls its flush. Delivery is async work, so `beforeExit` fires again when it is done:
 * by then the client has unwatched (its queue is empty), or its time budget is spent, so the second firing does
 * nothing and the process ends. One `beforeExit` listener serves every client, so many clients do not trip Node's
 * listener-leak warning, and it is only there while some client has events queued, so an idle client is not
 * held by `process` and can be collected.
 *
 * @example
 * const exitFlush = exitFlushOf(process)
 * const exit = exitFlush((timeout) => client.flush({ timeout }), 10_000)
 * exit.watch() // after queueing; exit.unwatch() once the queue is empty
 */
export function exitFlushOf(target: ExitTarget | undefined): (flush: TimedFlush, budget: number) => ExitWatch {
  const watching = new Set<() => void>()
  const onBeforeExit = () => {
    for (const run of [...watching]) run()
  }
  // Some runtimes imitate `process` with methods that throw; the exit flush is a best effort there.
  const listen = (on: boolean) => {
    try {
      if (on) target?.on('beforeExit', onBeforeExit)
      else target?.off('beforeExit', onBeforeExit)
    } catch {
      // Not Node's process after all.
    }
  }
  return (flush, budget) => {
    let deadline: number | undefined
    const run = () => {
      // One budget for every firing until the queue empties: a server that is down cannot hold the process forever.
      deadline ??= Date.now() + budget
      const left = deadline - Date.now()
      if (left > 0) void flush(left)
    }
    return {
      watch() {
        if (!target || watching.has(run)) return
        if (!watching.size) listen(true)
        watching.add(run)
      },
      unwatch() {
        deadline = undefined
        if (watching.delete(run) && !watching.size) listen(false)
      },
    }
  }
}

/**
 * The running process when it is Node's (Bun and Deno's Node layer pass too); undefined in browsers, edge runtimes
 * and bundles that put a stub `process` in a page.
 *
 * @example nodeProcess()?.on('beforeExit', () => {})
 */
export function nodeProcess(): ExitTarget | undefined {
  const candidate = (globalThis as { process?: Partial<ExitTarget> & { versions?: { node?: string } } }).process
  const usable = typeof document !== 'object' && typeof candidate?.on === 'function' && typeof candidate.off === 'function'
  return usable && candidate.versions?.node ? (candidate as ExitTarget) : undefined
}

let processExitFlush: ReturnType<typeof exitFlushOf> | undefined

/**
 * Joins a client to the exit flush of the running process (a no-op outside Node). Made at the first client, so a
 * page or test that sets up `document` late is still judged right.
 *
 * @example
 * const exit = watchExit((timeout) => client.flush({ timeout }), 10_000)
 * exit.watch()
 */
export function watchExit(flush: TimedFlush, budget: number): ExitWatch {
  return (processExitFlush ??= exitFlushOf(nodeProcess()))(flush, budget)
}
