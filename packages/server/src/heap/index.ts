export { missingYoungGenerationFlags, restartWithYoungGenerationCap, youngGenerationCapFlag } from './young-generation'
