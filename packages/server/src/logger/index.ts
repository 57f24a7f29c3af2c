export { createLogger, type Logger, type LogLevel, type LogFields } from './logger'
