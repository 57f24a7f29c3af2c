import { htmlNode } from '../html-node'

/**
 * A row of labelled figures ("Revenue $12,400").
 *
 * @example
 * keyFigures([['Orders', '42']])
 */
export function keyFigures(figures: readonly (readonly [label: string, value: string])[]): HTMLElement {
  return htmlNode(
    'dl',
    'crm-figures',
    ...figures.map(([label, value]) => htmlNode('div', 'crm-figure', htmlNode('dt', '', label), htmlNode('dd', '', value))),
  )
}

/**
 * A titled list of rows with a name on the left and a value on the right.
 *
 * @example
 * rankedList('Top products', [['Mug', '$120']])
 */
export function rankedList(title: string, rows: readonly (readonly [name: string, value: string])[]): HTMLElement {
  return htmlNode(
    'section',
    'crm-ranked',
    htmlNode('h3', '', title),
    htmlNode('ol', '', ...rows.map(([name, value]) => htmlNode('li', '', htmlNode('span', 'crm-name', name), htmlNode('span', 'crm-value', value)))),
  )
}
