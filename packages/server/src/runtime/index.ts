export { nodeMajor } from './node-major'
