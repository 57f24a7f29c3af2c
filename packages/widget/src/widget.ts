// The widget bundle (dist/widget.js): loading it registers <crm-insights>.
import { CrmInsightsElement, scriptOrigin } from './element'

// Read while this script runs: document.currentScript is null once it has finished.
CrmInsightsElement.defaultHost = scriptOrigin()

if (!customElements.get('crm-insights')) customElements.define('crm-insights', CrmInsightsElement)

declare global {
  interface HTMLElementTagNameMap {
    'crm-insights': CrmInsightsElement
  }
}
