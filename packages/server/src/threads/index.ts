export { spawnWorker, stopWorker, workerEntry } from './spawn-worker'
