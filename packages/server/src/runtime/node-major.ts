/**
 * The major number of a Node version: the releases this server adapts to (the SQLite driver, the young generation)
 * differ by major.
 *
 * @example
 * nodeMajor('24.21.0') // 24
 * nodeMajor() // this process's, e.g. 20
 */
export function nodeMajor(version: string = process.versions.node): number {
  return Number(version.split('.', 1)[0])
}
