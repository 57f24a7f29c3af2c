export { CustomersService, type CustomerDetail, type Page, type PredictionSource } from './customers-service'
export { registerCustomersRoutes } from './customers-routes'
