export { missingYoungGenerationFlags, restartWithYoungGenerationCap, YOUNG_GENERATION_CAP_FLAG } from './young-generation'
