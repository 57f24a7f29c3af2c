export { renderReferencePage } from './reference-page'
