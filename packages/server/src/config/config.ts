import { z } from 'zod'

const booleanFlag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1')

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  CRM_DATABASE: z.string().min(1).default('./data/crm.sqlite'),
  /** `FULL` makes every acknowledged event survive a power loss; `NORMAL` only survives a process crash. */
  CRM_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  OLLAMA_HOST: z.string().url().default('http://127.0.0.1:11434'),
  CRM_AI_MODEL: z.string().min(1).default('qwen2.5:3b'),
  CRM_AI: booleanFlag.default(true),
  CRM_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Requests a second one API key may make before `429`. */
  CRM_RATE_LIMIT_KEY: z.coerce.number().int().positive().default(10_000),
  /** Requests a second one client IP may make before `429`. */
  CRM_RATE_LIMIT_IP: z.coerce.number().int().positive().default(20_000),
  /** Take the client IP from `X-Forwarded-For` (only behind a proxy you control). */
  CRM_TRUST_PROXY: booleanFlag.default(false),
})

export type Config = {
  port: number
  host: string
  databasePath: string
  synchronous: 'FULL' | 'NORMAL'
  ollamaHost: string
  aiModel: string
  aiEnabled: boolean
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  rateLimitPerKey: number
  rateLimitPerIp: number
  trustProxy: boolean
}

/**
 * Reads the server's configuration from environment variables, with the contract's defaults.
 * Throws a readable error naming every bad variable.
 *
 * @example
 * const config = loadConfig({ PORT: '8080', CRM_DATABASE: ':memory:' })
 * config.port // 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  )
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.CRM_DATABASE,
    synchronous: e.CRM_SYNCHRONOUS,
    ollamaHost: e.OLLAMA_HOST,
    aiModel: e.CRM_AI_MODEL,
    aiEnabled: e.CRM_AI,
    logLevel: e.CRM_LOG_LEVEL,
    rateLimitPerKey: e.CRM_RATE_LIMIT_KEY,
    rateLimitPerIp: e.CRM_RATE_LIMIT_IP,
    trustProxy: e.CRM_TRUST_PROXY,
  }
}
