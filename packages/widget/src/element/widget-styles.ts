// Public custom properties (--crm-*) are read once at :host into private ones (--_*), so the theme
// attribute only changes defaults and a page's own --crm-* values always win.
const darkDefaults = `
  --_bg: var(--crm-bg, #111827);
  --_fg: var(--crm-fg, #f3f4f6);
  --_muted: var(--crm-muted, #9ca3af);
  --_accent: var(--crm-accent, #60a5fa);
  --_accent-2: var(--crm-accent-2, #fbbf24);
  --_band: var(--crm-band, rgba(251, 191, 36, 0.2));
  --_border: var(--crm-border, #374151);
  --_grid: var(--crm-grid, rgba(156, 163, 175, 0.22));
  --_danger: var(--crm-danger, #f87171);
  color-scheme: dark;
`

/** The widget's stylesheet, scoped by its shadow root. */
export const widgetStyles = `
:host {
  display: block;
  --_font: var(--crm-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --_bg: var(--crm-bg, #ffffff);
  --_fg: var(--crm-fg, #111827);
  --_muted: var(--crm-muted, #6b7280);
  --_accent: var(--crm-accent, #2563eb);
  --_accent-2: var(--crm-accent-2, #d97706);
  --_band: var(--crm-band, rgba(217, 119, 6, 0.16));
  --_border: var(--crm-border, #e5e7eb);
  --_grid: var(--crm-grid, rgba(107, 114, 128, 0.2));
  --_danger: var(--crm-danger, #b91c1c);
  --_radius: var(--crm-radius, 12px);
  --_padding: var(--crm-padding, 16px);
  color-scheme: light;
}
:host([hidden]) { display: none; }
:host([theme="dark"]) { ${darkDefaults} }
@media (prefers-color-scheme: dark) { :host([theme="auto"]) { ${darkDefaults} } }
.card {
  --crm-muted: var(--_muted); --crm-accent: var(--_accent); --crm-accent-2: var(--_accent-2);
  --crm-band: var(--_band); --crm-grid: var(--_grid);
  box-sizing: border-box; height: 100%; padding: var(--_padding);
  font: 14px/1.45 var(--_font); color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius); overflow-wrap: anywhere;
}
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 12px; margin-bottom: 12px; }
h2 { margin: 0; font-size: 16px; font-weight: 600; }
h3 { margin: 0 0 6px; font-size: 13px; font-weight: 600; }
p { margin: 0 0 10px; }
.updated, .note, .crm-note, dt, .crm-audience, .crm-backtest, .crm-legend { color: var(--_muted); font-size: 12px; }
.crm-view > * + * { margin-top: 14px; }
.crm-summary { font-size: 15px; }
.crm-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 10px; margin: 0; }
.crm-figure { padding: 8px 10px; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); }
dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.crm-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; }
ol, ul { margin: 0; padding: 0; list-style: none; }
.crm-ranked li { display: flex; justify-content: space-between; gap: 12px; padding: 4px 0; border-bottom: 1px solid var(--_border); }
.crm-value { font-variant-numeric: tabular-nums; white-space: nowrap; }
.crm-trend { display: flex; gap: 8px; padding: 3px 0; }
.crm-arrow { flex: none; width: 1em; color: var(--_muted); }
.crm-trend-up .crm-arrow { color: #16a34a; }
.crm-trend-down .crm-arrow { color: var(--_danger); }
.crm-recommendation { padding: 10px 0; border-bottom: 1px solid var(--_border); }
.crm-recommendation:last-child { border-bottom: 0; }
.crm-recommendation h3 { font-size: 15px; }
.crm-recommendation p { margin: 0 0 4px; }
.crm-audience { display: inline-block; padding: 1px 8px; border: 1px solid var(--_border); border-radius: 999px; }
.crm-legend { display: flex; flex-wrap: wrap; gap: 6px 16px; }
.crm-legend li::before { content: ""; display: inline-block; width: 14px; height: 3px; margin-right: 6px; vertical-align: middle; background: var(--_accent); }
.crm-legend-forecast::before { background: repeating-linear-gradient(90deg, var(--_accent-2) 0 5px, transparent 5px 8px) !important; }
.crm-legend-band::before { height: 10px !important; background: var(--_band) !important; }
.state { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 10px; min-height: 120px; text-align: center; color: var(--_muted); }
.state-error, .state-expired { color: var(--_danger); }
.spinner { width: 20px; height: 20px; border: 2px solid var(--_border); border-top-color: var(--_accent); border-radius: 50%; animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(1turn); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
button { font: inherit; color: var(--_fg); background: transparent; border: 1px solid var(--_border); border-radius: 6px; padding: 4px 12px; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
`

let sharedSheet: CSSStyleSheet | undefined

/**
 * Adds the widget's styles to a shadow root: one constructed stylesheet shared by every instance
 * (also allowed by a strict style-src CSP), or a `<style>` element where that is unsupported.
 *
 * @example
 * adoptWidgetStyles(this.attachShadow({ mode: 'open' }))
 */
export function adoptWidgetStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    sharedSheet ??= new CSSStyleSheet()
    if (sharedSheet.cssRules.length === 0) sharedSheet.replaceSync(widgetStyles)
    root.adoptedStyleSheets = [sharedSheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = widgetStyles
  root.append(style)
}
