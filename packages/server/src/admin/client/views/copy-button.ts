import { h } from '../dom'
import { t } from '../i18n'

/**
 * A button that copies `text` to the clipboard and says so.
 *
 * @example
 * copyButton(key)
 */
export function copyButton(text: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary' }, t('copy'))
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text)
      button.textContent = t('copied')
    } catch {
      // Clipboard refused (no permission): select the text next to the button instead.
      const code = button.previousElementSibling
      if (code) getSelection()?.selectAllChildren(code)
    }
  })
  return button
}
