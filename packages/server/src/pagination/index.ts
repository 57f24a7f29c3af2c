export { encodeCursor, decodeCursor } from './cursor'
