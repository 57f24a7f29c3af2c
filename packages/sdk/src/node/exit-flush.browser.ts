import type { ExitWatch, TimedFlush } from './exit-flush'

// The browser builds (dist/browser, scripts/browser-build.ts) take this file in place of exit-flush.ts: a page has
// no process exit (pagehide and sendBeacon cover it), and the bytes count against the 8 KB budget.
const idle: ExitWatch = { watch() {}, unwatch() {} }

/**
 * The browser's stand-in for `watchExit`: never watches.
 *
 * @example watchExit(flush, 10_000).watch() // does nothing
 */
export const watchExit = (_flush: TimedFlush, _budget: number): ExitWatch => idle
