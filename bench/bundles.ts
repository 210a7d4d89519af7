/**
 * Bundles (issue #5): each function bundled exactly as the CDK stack bundles it (infra/bundling.ts),
 * its minified size, and its cold module load in a fresh Node process next to an empty handler that
 * imports only the same AWS SDK packages (the runtime provides the SDK; both load it the same way).
 * Targets: every API bundle ≤ 300 KB; cold load ≤ 1.5× the empty handler's.
 */

import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { environmentOf, functions, type FunctionDefinition } from '../infra/catalog.js';
import { esbuildOptions } from '../infra/bundling.js';
import { localValues } from '../infra/local/stack.js';
import { median } from './stats.js';

export interface BundleResult {
  readonly name: string;
  readonly api: boolean;
  readonly bytes: number;
  /** The AWS SDK packages the bundle imports from the runtime. */
  readonly sdkPackages: readonly string[];
  readonly loadMs: number;
  readonly emptyLoadMs: number;
}

/** The time `import()` of the module takes in a fresh Node process. */
function coldLoadMs(file: string, env: Record<string, string>): number {
  const script = `const start = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - start);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-central-1', ...env },
    encoding: 'utf8',
  });
  const ms = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`Loading ${file} failed: ${child.stderr}`);
  }
  return ms;
}

/** The bare package an import names: `@aws-sdk/client-ses/dist…` → `@aws-sdk/client-ses`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, 2).join('/');

export async function benchBundles(runs = 20): Promise<readonly BundleResult[]> {
  // Inside the repository, so the bundles resolve `@aws-sdk/*` from node_modules as Lambda's
  // runtime resolves it from its own.
  const directory = path.resolve('node_modules/.cache/bench-bundles');
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const values = localValues({
    tableName: 'complaints',
    apiUrl: 'http://127.0.0.1:3000',
    logLevel: 'WARN',
    retryDelaysSeconds: '60,300,1800',
  });
  const results: BundleResult[] = [];
  for (const definition of functions) results.push(await benchOne(definition));
  await rm(directory, { recursive: true, force: true });
  return results;

  async function benchOne(definition: FunctionDefinition): Promise<BundleResult> {
    const outfile = path.join(directory, `${definition.name}.mjs`);
    const result = await build({ ...esbuildOptions(definition.entry, outfile), sourcemap: false });
    const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'));
    if (!output) throw new Error(`esbuild wrote no bundle for ${definition.name}`);
    const sdkPackages = [
      ...new Set(
        output[1].imports
          .filter((entry) => entry.external && entry.path.startsWith('@aws-sdk/'))
          .map((entry) => packageOf(entry.path)),
      ),
    ].sort();
    const empty = path.join(directory, `${definition.name}-empty.mjs`);
    await writeFile(
      empty,
      `${sdkPackages.map((name) => `import ${JSON.stringify(name)};`).join('\n')}\nexport const handler = async () => ({});\n`,
    );
    const env = environmentOf(definition, values);
    // Alternated, so a busy moment of the machine weighs on both sides alike.
    const load: number[] = [];
    const emptyLoad: number[] = [];
    for (let run = 0; run < runs; run++) {
      load.push(coldLoadMs(outfile, env));
      emptyLoad.push(coldLoadMs(empty, env));
    }
    return {
      name: definition.name,
      api: definition.routes.length > 0,
      bytes: output[1].bytes,
      sdkPackages,
      loadMs: median(load),
      emptyLoadMs: median(emptyLoad),
    };
  }
}
