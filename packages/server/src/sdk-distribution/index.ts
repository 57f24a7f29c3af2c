export { registerSdkRoutes, type SdkAssetReader } from './sdk-routes'
export { readSdkAsset, type SdkAsset, type SdkAssetName } from './sdk-assets'
