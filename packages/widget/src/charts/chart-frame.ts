import { labelIndexes, linearScale, niceTicks, type LinearScale } from './scale'
import { paint, svgElement, svgText } from './svg-element'

/** Size and labelling shared by every chart. */
export interface ChartOptions {
  /** Accessible name of the chart (its `<title>`). */
  title: string
  /** Drawing width in SVG units; the chart scales to its container's width. Default 640. */
  width?: number
  /** Drawing height in SVG units. Default 240. */
  height?: number
  /** Formats axis and tooltip values, e.g. a compact currency formatter. Default `String`. */
  formatValue?: (value: number) => string
  /** Formats category labels on the x axis. Default: the label as is. */
  formatLabel?: (label: string) => string
}

/** Colours and fonts come from CSS custom properties so one chart fits both the admin page and the widget. */
export const chartColors = {
  text: 'var(--crm-muted, #6b7280)',
  grid: 'var(--crm-grid, rgba(127, 127, 127, 0.25))',
  accent: 'var(--crm-accent, #2563eb)',
  secondary: 'var(--crm-accent-2, #f59e0b)',
  band: 'var(--crm-band, rgba(245, 158, 11, 0.22))',
} as const

export interface ChartFrame {
  svg: SVGSVGElement
  x: LinearScale
  y: LinearScale
  /** Left edge of the plot area and its width, for band (bar) layouts. */
  plot: { left: number; right: number; top: number; bottom: number }
  formatValue: (value: number) => string
}

const MARGIN = { top: 12, right: 24, bottom: 28, left: 56 }

/**
 * Draws the `<svg>` with title, horizontal grid lines, y-axis tick labels and thinned x-axis labels.
 * `xAt(index)` tells where the category at `index` sits.
 *
 * @example
 * const frame = chartFrame(options, labels, [0, 120], (plot, n) => linearScale([0, n - 1], [plot.left, plot.right]))
 */
export function chartFrame(
  options: ChartOptions,
  labels: readonly string[],
  valueExtent: readonly [number, number],
  xScale: (plot: ChartFrame['plot'], count: number) => LinearScale,
): ChartFrame {
  const width = options.width ?? 640
  const height = options.height ?? 240
  const formatValue = options.formatValue ?? String
  const formatLabel = options.formatLabel ?? ((label: string) => label)
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom }

  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'crm-chart' })
  paint(svg, { width: '100%', height: 'auto', display: 'block', overflow: 'visible' })
  svg.append(svgText('title', options.title))

  const ticks = niceTicks(Math.min(0, valueExtent[0]), Math.max(0, valueExtent[1]), 4)
  const y = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [plot.bottom, plot.top])
  const x = xScale(plot, labels.length)

  const axis = svgElement('g', { class: 'crm-chart-axis', 'font-size': 11 })
  paint(axis, { fill: chartColors.text, 'font-family': 'inherit' })
  for (const tick of ticks) {
    const line = svgElement('line', { x1: plot.left, x2: plot.right, y1: y(tick), y2: y(tick) })
    paint(line, { stroke: chartColors.grid, 'stroke-width': tick === 0 ? '1.5' : '1' })
    axis.append(line, svgText('text', formatValue(tick), { x: plot.left - 8, y: y(tick), 'text-anchor': 'end', 'dominant-baseline': 'middle' }))
  }
  const maxLabels = Math.max(2, Math.floor((plot.right - plot.left) / 64))
  for (const index of labelIndexes(labels.length, maxLabels)) {
    const text = svgText('text', formatLabel(labels[index] ?? ''), { x: x(index), y: plot.bottom + 18, 'text-anchor': 'middle' })
    axis.append(text)
  }
  svg.append(axis)
  return { svg, x, y, plot, formatValue }
}

/**
 * The smallest and largest of the given numbers, ignoring non-finite ones; `[0, 0]` when none are left.
 *
 * @example
 * extent([3, -1, NaN, 7]) // [-1, 7]
 */
export function extent(values: Iterable<number>): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const value of values) {
    if (!Number.isFinite(value)) continue
    if (value < min) min = value
    if (value > max) max = value
  }
  return min <= max ? [min, max] : [0, 0]
}
