export { DEBIAN_CHROMIUM, findChromium, type ChromiumPlaces, type ChromiumSource, type FoundChromium } from './find-chromium'
export { CHROMIUM_FLAGS, launchChromium } from './launch-chromium'
export { unpackNpmChromium } from './unpack-npm-chromium'
