import { nodeMajor } from '../runtime'

/**
 * Caps the main thread's young generation at the size Node 20 and 22 give it (two semi-spaces, 32 MB in all). Node
 * 24's V8 gives it 128 MB, which took the server's peak RSS under `npm run bench:ingest` to 355–358 MB (249–267 on
 * Node 20; 269–278 on Node 24 with this cap). The scavenger's own cap lowers the main thread's and leaves the worker
 * threads' smaller limits (`resourceLimits`, 2–8 MB each) as they are, where `--max-semi-space-size` would override
 * them.
 */
export const YOUNG_GENERATION_CAP_FLAG = '--scavenger-max-new-space-capacity-mb=8'

/** The first Node major whose default young generation is larger than Node 20's. Node 20 refuses the flag. */
const FIRST_NODE_WITH_LARGE_YOUNG_GENERATION = 24

type Execve = (file: string, args: readonly string[], env: NodeJS.ProcessEnv) => never

/**
 * The V8 flags this process lacks for the server's memory budget: the young-generation cap on Node 24 and later,
 * unless it was given (in any value); nothing on Node 20 and 22.
 *
 * @example
 * missingYoungGenerationFlags('24.21.0', ['--max-old-space-size=1024']) // ['--scavenger-max-new-space-capacity-mb=8']
 * missingYoungGenerationFlags('20.20.2', []) // []
 */
export function missingYoungGenerationFlags(nodeVersion = process.versions.node, execArgv: readonly string[] = process.execArgv): string[] {
  if (nodeMajor(nodeVersion) < FIRST_NODE_WITH_LARGE_YOUNG_GENERATION) return []
  const [name] = YOUNG_GENERATION_CAP_FLAG.split('=', 1)
  return execArgv.some((flag) => flag.split('=', 1)[0] === name) ? [] : [YOUNG_GENERATION_CAP_FLAG]
}

/**
 * Restarts this process in place with the flags `missingYoungGenerationFlags` names, when there are any: V8 reads
 * them only when it creates the heap, and neither `NODE_OPTIONS` nor `npm start`'s command line can carry them
 * (Node 20 refuses the flag, `NODE_OPTIONS` refuses it everywhere). `process.execve` keeps the pid, so a process
 * manager, `npm start` and signals see one server. Returns when nothing is missing, or where `process.execve` does
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
