/**
 * How each function is bundled: one set of esbuild options, used by the CDK stack (NodejsFunction,
 * local esbuild, no Docker) and by `npm run bench` to measure the same bundles that are deployed.
 * Left out of each bundle, so that it holds the function's own code and libraries: the AWS SDK v3,
 * which the nodejs22.x runtime provides, and the Powertools Tracer with the X-Ray SDK, which the
 * Powertools layer provides (every function has it; see `powertoolsLayerParameter`).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The runtime's SDK and the layer's Tracer: imported, not bundled. */
export const externalModules = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];

/**
 * The Powertools layer (AWS's own, published in every commercial Region) provides the Tracer and the
 * X-Ray SDK it loads: about 125 KB minified, which bundled would take every API function past
 * 300 KB. Pinned to the Tracer version in node_modules (the lock file's), so what runs in Lambda is
 * what the tests ran. The stack reads the layer's ARN from AWS's public SSM parameter for that
 * version when it is deployed: synth stays offline.
 */
export const powertoolsVersion = installedVersion('@aws-lambda-powertools/tracer');
export const powertoolsLayerParameter = `/aws/service/powertools/typescript/generic/all/${powertoolsVersion}`;

function installedVersion(name: string): string {
  const manifest = path.resolve(import.meta.dirname, '..', 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

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
