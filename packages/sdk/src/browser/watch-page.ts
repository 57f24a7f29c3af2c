/**
 * Calls `onHidden` when the page is hidden (the last moment mobile browsers reliably give) and `onPageHide`
 * when it is being left. Returns a function that stops watching.
 *
 * @example const unwatch = watchPage(save, () => sendWithBeacon(url, events, key))
 */
export function watchPage(onHidden: () => void, onPageHide: () => void): () => void {
  const visibility = () => {
    if (document.visibilityState === 'hidden') onHidden()
  }
  window.addEventListener('pagehide', onPageHide)
  document.addEventListener('visibilitychange', visibility)
  return () => {
    window.removeEventListener('pagehide', onPageHide)
    document.removeEventListener('visibilitychange', visibility)
  }
}
