import { nodeMajor } from '../runtime'

/**
 * The flag that caps the main thread's young generation near the size Node 20 and 22 give it (two semi-spaces, 32 MB
 * in all), on the Node releases that need one. Node 24's V8 gives it 128 MB, which took the server's peak RSS under
 * `npm run bench:ingest` to 355–358 MB (249–267 on Node 20; 269–278 on Node 24 with the cap). There the scavenger's
 * own cap lowers the main thread's and leaves the worker threads' smaller limits (`resourceLimits`, 2–8 MB each) as
 * they are. Node 26's V8 (14.6) dropped that flag and refuses to start with it, so there the semi-spaces get the
 * same 8 MB, in every thread, the workers' included: the bench's peak RSS was 306–316 MB uncapped, 275–285 MB
 * with `--max-semi-space-size=8` (288 MB with 16).
 *
 * @example
 * youngGenerationCapFlag('24.21.0') // '--scavenger-max-new-space-capacity-mb=8'
 * youngGenerationCapFlag('26.12.1') // '--max-semi-space-size=8'
 * youngGenerationCapFlag('22.23.3') // undefined
 */
export function youngGenerationCapFlag(nodeVersion = process.versions.node): string | undefined {
  const major = nodeMajor(nodeVersion)
  if (major < FIRST_NODE_WITH_LARGE_YOUNG_GENERATION) return undefined
  return major < FIRST_NODE_WITHOUT_SCAVENGER_CAP ? '--scavenger-max-new-space-capacity-mb=8' : '--max-semi-space-size=8'
}

/** The first Node major whose default young generation is larger than Node 20's. Node 20 refuses the scavenger's flag. */
const FIRST_NODE_WITH_LARGE_YOUNG_GENERATION = 24

/** The first Node major whose V8 dropped `--scavenger-max-new-space-capacity-mb` ("bad option"). */
const FIRST_NODE_WITHOUT_SCAVENGER_CAP = 26

type Execve = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => never

/**
 * The V8 flags this process lacks for the server's memory budget: this release's young-generation cap on Node 24
 * and later, unless it was given (in any value); nothing on Node 20 and 22.
 *
 * @example
 * missingYoungGenerationFlags('24.21.0', ['--max-old-space-size=1024']) // ['--scavenger-max-new-space-capacity-mb=8']
 * missingYoungGenerationFlags('20.20.2', []) // []
 */
export function missingYoungGenerationFlags(nodeVersion = process.versions.node, execArgv: readonly string[] = process.execArgv): string[] {
  const cap = youngGenerationCapFlag(nodeVersion)
  if (cap === undefined) return []
  const [name] = cap.split('=', 1)
  return execArgv.some((flag) => flag.split('=', 1)[0] === name) ? [] : [cap]
}

/**
 * Restarts this process in place with the flags `missingYoungGenerationFlags` names, when there are any: V8 reads
 * them only when it creates the heap, and neither `NODE_OPTIONS` nor `npm start`'s command line can carry them
 * (Node 20 and 26 refuse the scavenger's flag, `NODE_OPTIONS` refuses it everywhere). `process.execve` keeps the
 * pid, so a process manager, `npm start` and signals see one server. Returns when nothing is missing, or where `process.execve` does
 * not exist (Windows); call it before the server starts anything.
 *
 * @example
 * restartWithYoungGenerationCap() // the first statement of main.ts
 */
export function restartWithYoungGenerationCap(): void {
  const flags = missingYoungGenerationFlags()
  const { execve } = process as NodeJS.Process & { execve?: Execve }
  if (flags.length === 0 || execve === undefined) return
  execve(process.execPath, [process.execPath, ...process.execArgv, ...flags, ...process.argv.slice(1)], process.env)
}
