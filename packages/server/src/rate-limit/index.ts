export { TokenBucketLimiter, type RateDecision } from './token-bucket'
export { AttemptWindow } from './attempt-window'
