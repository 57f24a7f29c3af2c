/**
 * The worker thread's entry (a tsup entry of its own, `dist/statistics-worker.js`): runs the statistics tasks the
 * insights service posts, one at a time, and answers each by its id.
 */
import { parentPort } from 'node:worker_threads'
import { runStatisticsTask, type StatisticsTask } from './statistics-tasks'

export type StatisticsRequest = { id: number; task: StatisticsTask }
export type StatisticsReply = { id: number; result: unknown } | { id: number; error: string }

parentPort?.on('message', ({ id, task }: StatisticsRequest) => {
  let reply: StatisticsReply
  try {
    reply = { id, result: runStatisticsTask(task) }
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  parentPort?.postMessage(reply)
})
