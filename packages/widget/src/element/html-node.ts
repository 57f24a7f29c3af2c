/** Children of `htmlNode`: strings become text nodes, so data is never parsed as markup. */
export type Child = Node | string | null | undefined | false

/**
 * Creates an HTML element with a class and children.
 *
 * @example
 * htmlNode('p', 'crm-summary', insights.summary)
 */
export function htmlNode<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (className) element.className = className
  for (const child of children) if (child) element.append(child)
  return element
}
