const SVG_NS = 'http://www.w3.org/2000/svg'

/** Attribute values of an SVG element; numbers are written as they are, `undefined` skips the attribute. */
export type SvgAttributes = Record<string, string | number | undefined>

/**
 * Creates an SVG element with attributes. Text never goes through here: callers use `svgText`,
 * which sets `textContent`, so data can never become markup.
 *
 * @example
 * const dot = svgElement('circle', { cx: 10, cy: 10, r: 3 })
 */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: SvgAttributes = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value))
  }
  return element
}

/**
 * Creates an SVG element holding `text` as plain text.
 *
 * @example
 * svg.append(svgText('title', 'Revenue by month'))
 */
export function svgText<K extends 'text' | 'title' | 'desc'>(
  tag: K,
  text: string,
  attributes: SvgAttributes = {},
): SVGElementTagNameMap[K] {
  const element = svgElement(tag, attributes)
  element.textContent = text
  return element
}

/**
 * Sets paint properties through the CSSOM, so `var(--crm-accent)` works without a stylesheet and
 * without `style` attributes that a strict Content-Security-Policy would block.
 *
 * @example
 * paint(path, { stroke: 'var(--crm-accent, #2563eb)', fill: 'none' })
 */
export function paint(element: SVGElement, properties: Record<string, string>): void {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value)
}
