import { h } from '../dom'

/**
 * A box that draws its chart once it is on the page, at the box's own width, so axis labels keep their size on a
 * phone and in a half-width card alike (the SVG still scales if the window changes later).
 *
 * @example
 * card(t('ordersChart'), chartHolder((width) => barChart({ title, bars, width })))
 */
export function chartHolder(draw: (size: { width: number; height: number }) => SVGSVGElement): HTMLElement {
  const holder = h('div', { class: 'chart' })
  requestAnimationFrame(() => {
    const width = Math.max(280, Math.min(1000, Math.round(holder.clientWidth) || 640))
    holder.replaceChildren(draw({ width, height: width < 480 ? 200 : 240 }))
  })
  return holder
}
