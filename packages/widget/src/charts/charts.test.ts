import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { artifactsDir, launchChromium } from '../../test/chromium'
import { startContractServer, type ContractServer } from '../../test/contract-server'

// The charts as the admin page will load them: the built ES module dist/charts.js, in a real browser.
declare global {
  interface Window {
    crmCharts: typeof import('./index')
  }
}

let browser: Browser
let server: ContractServer
let page: Page
const dialogs: string[] = []

beforeAll(async () => {
  await mkdir(artifactsDir, { recursive: true })
  ;[browser, server] = await Promise.all([launchChromium(), startContractServer()])
  page = await browser.newPage({ viewport: { width: 700, height: 600 } })
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(`${server.origin}/blank`)
  await page.addScriptTag({ type: 'module', content: "import * as charts from '/charts.js'; window.crmCharts = charts" })
  await page.waitForFunction(() => window.crmCharts !== undefined)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

it('draws a line chart with an area, a dashed forecast and its interval band', async () => {
  const drawn = await page.evaluate(() => {
    const charts = window.crmCharts
    const svg = charts.lineChart({
      title: 'Revenue <b>by</b> month',
      series: [
        { name: 'Revenue', variant: 'area', points: [{ label: 'a', value: 10 }, { label: 'b', value: 30 }, { label: 'c', value: 20 }] },
        { name: 'Forecast', variant: 'forecast', points: [{ label: 'c', value: 20, lower: 20, upper: 20 }, { label: 'd', value: 25, lower: 15, upper: 40 }] },
      ],
      formatValue: (value) => `$${value}`,
    })
    document.body.append(svg)
    const forecastLine = svg.querySelector<SVGPathElement>('.crm-chart-forecast .crm-chart-line')
    return {
      title: svg.querySelector('title')?.textContent,
      markup: svg.querySelectorAll('b').length,
      lines: svg.querySelectorAll('.crm-chart-line').length,
      fills: svg.querySelectorAll('.crm-chart-fill').length,
      bands: svg.querySelectorAll('.crm-chart-band').length,
      points: svg.querySelectorAll('.crm-chart-point').length,
      dashed: forecastLine ? getComputedStyle(forecastLine).strokeDasharray : '',
      axisLabels: [...svg.querySelectorAll('.crm-chart-axis text')].map((text) => text.textContent),
      tooltip: svg.querySelectorAll('.crm-chart-forecast .crm-chart-point title')[1]?.textContent,
      bandBox: svg.querySelector<SVGPathElement>('.crm-chart-band')?.getBBox().height ?? 0,
    }
  })
  expect(drawn.title).toBe('Revenue <b>by</b> month')
  expect(drawn.markup).toBe(0)
  expect(drawn.lines).toBe(2)
  expect(drawn.fills).toBe(1)
  expect(drawn.bands).toBe(1)
  expect(drawn.points).toBe(5)
  expect(drawn.dashed).toBe('6px, 5px')
  expect(drawn.axisLabels).toEqual(expect.arrayContaining(['$0', '$40', 'a', 'b', 'c', 'd']))
  expect(drawn.tooltip).toBe('Forecast, d: $25 ($15 – $40)')
  expect(drawn.bandBox).toBeGreaterThan(10)
})

it('draws a partial last point hollow at the end of a dashed segment, not as part of the line', async () => {
  const drawn = await page.evaluate(() => {
    const charts = window.crmCharts
    const svg = charts.lineChart({
      title: 'Net revenue',
      partialLabel: '(so far)',
      series: [
        {
          name: 'Revenue',
          variant: 'area',
          points: [{ label: 'a', value: 10 }, { label: 'b', value: 30 }, { label: 'c', value: 4, partial: true }],
        },
      ],
      formatValue: (value) => `$${value}`,
    })
    document.body.append(svg)
    const partialLine = svg.querySelector<SVGPathElement>('.crm-chart-partial-line')
    return {
      line: svg.querySelector('.crm-chart-line')?.getAttribute('d')?.split('L').length,
      partialLine: partialLine?.getAttribute('d')?.split('L').length,
      dashed: partialLine ? getComputedStyle(partialLine).strokeDasharray : '',
      hollow: [...svg.querySelectorAll<SVGCircleElement>('.crm-chart-point-partial')].map((dot) => getComputedStyle(dot).fill),
      points: svg.querySelectorAll('.crm-chart-point').length,
      tooltip: svg.querySelector('.crm-chart-point-partial title')?.textContent,
    }
  })
  expect(drawn.line).toBe(2) // a → b only
  expect(drawn.partialLine).toBe(2) // b → c
  expect(drawn.dashed).toBe('2px, 5px')
  expect(drawn.hollow).toEqual(['none'])
  expect(drawn.points).toBe(3)
  expect(drawn.tooltip).toBe('Revenue, c: $4 (so far)')
})

it('draws a bar chart with negative values below the zero line', async () => {
  const bars = await page.evaluate(() => {
    const charts = window.crmCharts
    const svg = charts.barChart({
      title: 'Net orders',
      name: 'Orders',
      bars: [{ label: '<img src=x onerror=alert(1)>', value: 12 }, { label: 'Feb', value: -4 }, { label: 'Mar', value: 20 }],
    })
    document.body.append(svg)
    // Grid lines and y labels come in pairs, so the zero label's index finds the zero line.
    const zeroIndex = [...svg.querySelectorAll('.crm-chart-axis text')].findIndex((text) => text.textContent === '0')
    const zero = svg.querySelectorAll('.crm-chart-axis line')[zeroIndex]
    return {
      rects: [...svg.querySelectorAll<SVGRectElement>('.crm-chart-bar')].map((rect) => ({ y: rect.y.baseVal.value, height: rect.height.baseVal.value, title: rect.querySelector('title')?.textContent })),
      zeroY: zero ? Number(zero.getAttribute('y1')) : NaN,
      images: document.querySelectorAll('img').length,
    }
  })
  expect(bars.rects).toHaveLength(3)
  const [january, february, march] = bars.rects
  expect(january?.title).toBe('Orders, <img src=x onerror=alert(1)>: 12')
  expect(bars.images).toBe(0)
  expect(dialogs).toEqual([])
  // Positive bars end at the zero line, the negative one starts there.
  expect((january?.y ?? 0) + (january?.height ?? 0)).toBeCloseTo(bars.zeroY)
  expect(february?.y).toBeCloseTo(bars.zeroY)
  expect(march?.height).toBeGreaterThan(january?.height ?? Infinity)
  await page.screenshot({ path: new URL('charts.png', artifactsDir).pathname, fullPage: true })
})
