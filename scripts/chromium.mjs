/**
 * The flags every headless Chromium of the project starts with (browser tests
 * and the bench): no sandbox (CI runs as root), no GPU, no /dev/shm, and no
 * background network traffic, which this machine's closed network refuses.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
