type Child = Node | string | number | null | undefined | false
type AttrValue = string | number | boolean | undefined | ((event: Event) => void)

/**
 * Creates an element. Strings become text nodes and attributes are set as attributes, so data is never parsed as
 * HTML. `on…` attributes take listeners; `true`/`false` toggle boolean attributes.
 *
 * @example
 * h('button', { type: 'button', onclick: () => save() }, t('save'))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  append(element, ...children)
  return element
}

/**
 * Appends children, strings as text.
 *
 * @example
 * append(list, h('li', {}, name))
 */
export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child)
  }
}

/**
 * Replaces every child of `parent`.
 *
 * @example
 * replace(main, h('p', {}, t('loading')))
 */
export function replace(parent: Node, ...children: (Child | Child[])[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild)
  append(parent, ...children)
}

/**
 * A labelled form field: `<label>` text above the control, tied by id.
 *
 * @example
 * field(t('email'), h('input', { type: 'email', name: 'email', required: true }))
 */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`
  control.id = id
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', { class: 'hint' }, hint) : null)
}

/**
 * A table with a header row and one row per item; cells are text or nodes.
 *
 * @example
 * table([t('name'), t('revenue')], customers.map((c) => [c.name, money(c.revenue)]), t('customers'))
 */
export function table(headers: string[], rows: Child[][], caption: string): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell))))),
  )
}

/**
 * Offers text as a file download (CSV exports), without a server round trip.
 *
 * @example
 * download('customers.csv', 'text/csv', csvText)
 */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = h('a', { href: url, download: filename })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
