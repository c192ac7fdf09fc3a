// Which flowvar this page is: the package version and the build id, set at build time by
// vite.config.ts (src/offline/buildId.ts); 'dev' where no build set them (the CLI under tsx, tests
// without Vite). The help dialog shows them in the reader's language (story:help.version); exported
// figures carry VERSION_LABEL, in English as every stamp is.
declare const __FLOWVAR_VERSION__: string | undefined;
declare const __FLOWVAR_BUILD__: string | undefined;

export const APP_VERSION: string = typeof __FLOWVAR_VERSION__ === 'string' ? __FLOWVAR_VERSION__ : 'dev';
export const BUILD_ID: string = typeof __FLOWVAR_BUILD__ === 'string' ? __FLOWVAR_BUILD__ : 'dev';
/** "flowvar 0.1.0 (build 3f2a9c1b04)" */
export const VERSION_LABEL = `flowvar ${APP_VERSION} (build ${BUILD_ID})`;
