export { type AnalyticsModule, type AnalyticsModuleOptions, createAnalyticsModule } from './analytics-module'
