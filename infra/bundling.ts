/**
 * How each function is bundled: one set of esbuild options, used by the CDK stack (NodejsFunction,
 * local esbuild, no Docker) and by `npm run bench` to measure the same bundles that are deployed.
 * The AWS SDK v3 is left out: the nodejs22.x runtime provides it, and leaving it out keeps each
 * bundle to the function's own code and libraries.
 */

import type { BuildOptions } from 'esbuild';

/** The runtime's SDK: imported, not bundled. */
export const externalModules = ['@aws-sdk/*'];

/** ESM needs `require` back for the few CommonJS dependencies that call it on Node built-ins. */
export const esmRequireBanner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const esbuildTarget = 'node22';

/** ESM builds first: they tree-shake where the CommonJS builds cannot. */
export const mainFields = ['module', 'main'];

/** The options as esbuild's own API takes them (bench, tests). */
export function esbuildOptions(
  entry: string,
  outfile: string,
): BuildOptions & { readonly metafile: true } {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'node',
    target: esbuildTarget,
    mainFields,
    external: externalModules,
    banner: { js: esmRequireBanner },
    metafile: true,
    logLevel: 'error',
  };
}
