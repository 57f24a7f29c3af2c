export { EventLog } from './event-log'
export { EventLogs } from './event-logs'
