export { TokenBucketLimiter, type RateDecision } from './token-bucket'
export { FailureWindow } from './failure-window'
