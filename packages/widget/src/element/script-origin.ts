/**
 * The origin the widget script was loaded from, or the page's origin when unknown (an inline or
 * module script has no `currentScript`). Must be called while the script first runs: `currentScript`
 * is `null` afterwards.
 *
 * @example
 * const defaultHost = scriptOrigin() // 'https://crm.example' for <script src="https://crm.example/widget.js">
 */
export function scriptOrigin(): string {
  const script = document.currentScript
  if (script instanceof HTMLScriptElement && script.src) {
    try {
      return new URL(script.src).origin
    } catch {
      // A malformed src cannot have loaded anything; fall through to the page's origin.
    }
  }
  return location.origin
}
