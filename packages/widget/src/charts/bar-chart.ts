import { chartColors, chartFrame, extent, type ChartOptions } from './chart-frame'
import { linearScale } from './scale'
import { paint, svgElement, svgText } from './svg-element'

export interface Bar {
  label: string
  value: number
}

export interface BarChartOptions extends ChartOptions {
  bars: readonly Bar[]
  /** Name of the measure, for tooltips ("Orders, Mar 2026: 42"). */
  name?: string
}

/**
 * An SVG bar chart, one bar per category, negative values below the zero line.
 *
 * @example
 * container.append(barChart({ title: 'Orders', bars: [{ label: 'Jan', value: 12 }, { label: 'Feb', value: 19 }] }))
 */
export function barChart(options: BarChartOptions): SVGSVGElement {
  const labels = options.bars.map((bar) => bar.label)
  const frame = chartFrame(options, labels, extent(options.bars.map((bar) => bar.value)), (plot, count) => {
    // Category centres: each bar owns an equal slot of the plot width.
    const slot = (plot.right - plot.left) / Math.max(1, count)
    return linearScale([0, 1], [plot.left + slot / 2, plot.left + slot * 1.5])
  })
  const { svg, x, y, plot } = frame
  const slot = (plot.right - plot.left) / Math.max(1, labels.length)
  const barWidth = Math.max(1, Math.min(48, slot * 0.7))
  const group = svgElement('g', { class: 'crm-chart-series crm-chart-bars' })
  options.bars.forEach((bar, index) => {
    const top = y(Math.max(0, bar.value))
    const bottom = y(Math.min(0, bar.value))
    const rect = svgElement('rect', {
      class: 'crm-chart-bar',
      x: x(index) - barWidth / 2,
      y: top,
      width: barWidth,
      height: Math.max(0, bottom - top),
      rx: 2,
    })
    paint(rect, { fill: chartColors.accent })
    const label = options.formatLabel ? options.formatLabel(bar.label) : bar.label
    const prefix = options.name ? `${options.name}, ` : ''
    rect.append(svgText('title', `${prefix}${label}: ${frame.formatValue(bar.value)}`))
    group.append(rect)
  })
  svg.append(group)
  return svg
}
