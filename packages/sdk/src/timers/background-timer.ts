/**
 * `setTimeout` that does not keep a Node process alive (`unref`), for the SDK's own batching and backoff.
 * A caller awaiting `flush()` is kept alive by the flush deadline instead.
 *
 * @example const timer = backgroundTimer(() => drain(), 2000)
 */
export function backgroundTimer(callback: () => void, ms: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(callback, ms)
  ;(timer as { unref?: () => void }).unref?.()
  return timer
}

/**
 * A promise resolved after `ms`, on a background timer.
 *
 * @example await backgroundSleep(500)
 */
export function backgroundSleep(ms: number): Promise<void> {
  return new Promise((resolve) => backgroundTimer(resolve, ms))
}
