import { z } from 'zod'
import { parseTrustedProxies, type TrustedProxies } from '../network'

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
  /** Sign-ups one client IP may make in an hour (each hashes a password: a flood would slow every log-in). */
  CRM_SIGNUP_LIMIT_IP: z.coerce.number().int().positive().default(20),
  /** The proxies in front of the server: `off`, a hop count (`on` = 1), or their addresses and ranges. */
  CRM_TRUST_PROXY: z.string().default('off').transform((text, ctx) => {
    try {
      return parseTrustedProxies(text)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message })
      return z.NEVER
    }
  }),
  /** Seconds a client has to send a request's headers. */
  CRM_HEADERS_TIMEOUT: z.coerce.number().positive().default(10),
  /** Seconds a client has, after its headers, to send the body. */
  CRM_BODY_TIMEOUT: z.coerce.number().positive().default(30),
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
  signupLimitPerIp: number
  trustProxy: TrustedProxies
  headersTimeoutMs: number
  bodyTimeoutMs: number
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
    signupLimitPerIp: e.CRM_SIGNUP_LIMIT_IP,
    trustProxy: e.CRM_TRUST_PROXY,
    headersTimeoutMs: e.CRM_HEADERS_TIMEOUT * 1000,
    bodyTimeoutMs: e.CRM_BODY_TIMEOUT * 1000,
  }
}
