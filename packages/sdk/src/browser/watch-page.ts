/**
 * Calls `onPageHide` when the page is being left (closed, reloaded, navigated away or put in the back-forward cache).
 * Returns a function that stops watching.
 *
 * @example const unwatch = watchPageHide(() => sendWithBeacon(url, queue.snapshot(), key))
 */
export function watchPageHide(onPageHide: () => void): () => void {
  addEventListener('pagehide', onPageHide)
  return () => removeEventListener('pagehide', onPageHide)
}
