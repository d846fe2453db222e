/** The flags every headless Chromium of the project starts with (scripts/chromium.mjs). */
export declare const CHROMIUM_FLAGS: readonly string[];
