export { spawnWorker, workerEntry } from './spawn-worker'
