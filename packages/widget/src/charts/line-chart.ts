import { chartColors, chartFrame, extent, type ChartOptions } from './chart-frame'
import { linearScale } from './scale'
import { paint, svgElement, svgText } from './svg-element'

/** One point of a line; `lower`/`upper` draw an interval band around it (a forecast's prediction interval). */
export interface LinePoint {
  label: string
  value: number
  lower?: number
  upper?: number
  /**
   * A period not over yet (a report's current month): drawn as a hollow point at the end of a dashed segment, so a
   * part of a period does not read as a drop. Only trailing points can be partial.
   */
  partial?: boolean
}

export interface LineSeries {
  /** Shown in each point's tooltip. */
  name: string
  points: readonly LinePoint[]
  /** `forecast` draws a dashed line in the secondary colour; `area` fills under the line. */
  variant?: 'line' | 'area' | 'forecast'
}

export interface LineChartOptions extends ChartOptions {
  series: readonly LineSeries[]
  /** Added to a partial point's tooltip, e.g. `(so far)`. */
  partialLabel?: string
}

/**
 * An SVG line/area chart over shared category labels (the union of the series' labels, in order).
 * Points carrying `lower` and `upper` get a shaded interval band; trailing `partial` points a dashed segment and a
 * hollow dot.
 *
 * @example
 * const svg = lineChart({
 *   title: 'Revenue',
 *   series: [
 *     { name: 'Revenue', variant: 'area', points: [{ label: '2026-01', value: 120 }, { label: '2026-02', value: 150 }] },
 *     { name: 'Forecast', variant: 'forecast', points: [{ label: '2026-03', value: 160, lower: 130, upper: 190 }] },
 *   ],
 * })
 * container.append(svg)
 */
export function lineChart(options: LineChartOptions): SVGSVGElement {
  const labels = [...new Set(options.series.flatMap((series) => series.points.map((point) => point.label)))]
  const position = new Map(labels.map((label, index) => [label, index]))
  const values = options.series.flatMap((series) =>
    series.points.flatMap((point) => [point.value, point.lower ?? point.value, point.upper ?? point.value]),
  )
  const frame = chartFrame(options, labels, extent(values), (plot, count) =>
    // A single category sits in the middle instead of on the y axis.
    count <= 1 ? linearScale([0, 1], [(plot.left + plot.right) / 2, plot.right]) : linearScale([0, count - 1], [plot.left, plot.right]),
  )
  const { svg, x, y } = frame
  const at = (point: LinePoint) => x(position.get(point.label) ?? 0)

  for (const series of options.series) {
    const group = svgElement('g', { class: `crm-chart-series crm-chart-${series.variant ?? 'line'}` })
    const color = series.variant === 'forecast' ? chartColors.secondary : chartColors.accent
    const banded = series.points.filter((point) => point.lower !== undefined && point.upper !== undefined)
    if (banded.length > 0) {
      const upper = banded.map((point) => `${at(point)},${y(point.upper ?? point.value)}`)
      const lower = banded.map((point) => `${at(point)},${y(point.lower ?? point.value)}`).reverse()
      const band = svgElement('path', { class: 'crm-chart-band', d: `M${upper.join('L')}L${lower.join('L')}Z` })
      paint(band, { fill: chartColors.band, stroke: 'none' })
      group.append(band)
    }
    const line = series.points.map((point) => `${at(point)},${y(point.value)}`)
    // The solid line ends at the last whole point; from there a dashed segment runs through the partial ones.
    let whole = series.points.length
    while (whole > 0 && series.points[whole - 1]?.partial) whole--
    const solid = whole === series.points.length ? line : line.slice(0, whole)
    if (series.variant === 'area' && series.points.length > 1) {
      const first = series.points[0]
      const last = series.points.at(-1)
      if (first && last) {
        const area = svgElement('path', {
          class: 'crm-chart-fill',
          d: `M${line.join('L')}L${at(last)},${y(0)}L${at(first)},${y(0)}Z`,
        })
        paint(area, { fill: color, opacity: '0.12', stroke: 'none' })
        group.append(area)
      }
    }
    const stroke = { fill: 'none', stroke: color, 'stroke-width': '2.5', 'stroke-linejoin': 'round', 'stroke-linecap': 'round' }
    if (solid.length > 0) {
      const path = svgElement('path', { class: 'crm-chart-line', d: `M${solid.join('L')}` })
      paint(path, { ...stroke, 'stroke-dasharray': series.variant === 'forecast' ? '6 5' : 'none' })
      group.append(path)
    }
    if (whole < line.length) {
      const path = svgElement('path', { class: 'crm-chart-partial-line', d: `M${line.slice(Math.max(0, whole - 1)).join('L')}` })
      paint(path, { ...stroke, 'stroke-dasharray': '2 5', opacity: '0.7' })
      group.append(path)
    }
    series.points.forEach((point, index) => {
      const partial = index >= whole
      const dot = svgElement('circle', { class: partial ? 'crm-chart-point crm-chart-point-partial' : 'crm-chart-point', cx: at(point), cy: y(point.value), r: 3.5 })
      // Hollow: the page shows through, so it reads as "not final" in any theme.
      paint(dot, partial ? { fill: 'none', stroke: color, 'stroke-width': '2' } : { fill: color })
      const tooltip = pointTooltip(series.name, point, frame.formatValue, options.formatLabel)
      dot.append(svgText('title', partial && options.partialLabel ? `${tooltip} ${options.partialLabel}` : tooltip))
      group.append(dot)
    })
    svg.append(group)
  }
  return svg
}

function pointTooltip(
  name: string,
  point: LinePoint,
  formatValue: (value: number) => string,
  formatLabel: ((label: string) => string) | undefined,
): string {
  const label = formatLabel ? formatLabel(point.label) : point.label
  const range =
    point.lower !== undefined && point.upper !== undefined
      ? ` (${formatValue(point.lower)} – ${formatValue(point.upper)})`
      : ''
  return `${name}, ${label}: ${formatValue(point.value)}${range}`
}
