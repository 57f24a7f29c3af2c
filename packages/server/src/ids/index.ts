export { randomId } from './random-id'
export { requestId } from './request-id'
