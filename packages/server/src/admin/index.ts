export { registerAdminRoutes } from './admin-routes'
export { ADMIN_CSP, ADMIN_PAGE_HTML } from './admin-page'
export { readAdminAsset, readWidgetScript } from './admin-assets'
