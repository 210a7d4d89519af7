/**
 * The web desk's budgets: the JavaScript each role's pages load (gzipped, from Vite's manifest of
 * the build npm start serves), and a Lighthouse run (npm `lighthouse`, on the same Debian Chromium
 * the browser tests drive) on the filing page served by the local stack.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startLocalStack } from '../infra/local/stack.js';
import { buildWebDesk, webDistDirectory } from '../infra/local/web-desk.js';
import { chromiumPath, installInstruction } from '../test/support/chromium.js';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly isEntry?: boolean;
}

export interface JavaScriptBudget {
  readonly role: string;
  readonly pages: string;
  readonly gzipBytes: number;
  readonly budgetBytes: number;
}

export interface LighthouseScores {
  readonly page: string;
  readonly formFactor: 'mobile' | 'desktop';
  readonly performance: number;
  readonly accessibility: number;
  readonly largestContentfulPaintMs: number;
  readonly totalBlockingTimeMs: number;
}

/** The chunks `start` loads before it runs: itself and its static imports, transitively. */
function staticClosure(
  manifest: Record<string, ManifestChunk>,
  start: string,
  into = new Set<string>(),
): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const imported of manifest[start]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

export async function benchJavaScriptBudgets(): Promise<JavaScriptBudget[]> {
  await buildWebDesk();
  const manifest = JSON.parse(
    await readFile(path.join(webDistDirectory, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const gzipOf = async (chunks: Set<string>): Promise<number> => {
    let total = 0;
    for (const key of chunks) {
      const file = manifest[key]?.file;
      if (file?.endsWith('.js'))
        total += gzipSync(await readFile(path.join(webDistDirectory, file)), {
          level: 9,
        }).byteLength;
    }
    return total;
  };
  const applicant = staticClosure(manifest, 'index.html');
  const officials = staticClosure(manifest, 'src/desk/desk.tsx', new Set(applicant));
  const agency = staticClosure(manifest, 'src/desk/statistics.tsx', new Set(officials));
  return [
    {
      role: 'applicant',
      pages: '/, /file, /follow',
      gzipBytes: await gzipOf(applicant),
      budgetBytes: 100 * 1024,
    },
    {
      role: 'official',
      pages: '/desk, queue, complaint, paper',
      gzipBytes: await gzipOf(officials),
      budgetBytes: 250 * 1024,
    },
    {
      role: 'Agency',
      pages: '+ /desk/statistics (charts)',
      gzipBytes: await gzipOf(agency),
      budgetBytes: 250 * 1024,
    },
  ];
}

export async function benchLighthouse(): Promise<LighthouseScores[]> {
  const chromePath = chromiumPath();
  if (chromePath === undefined) throw new Error(installInstruction);
  const stack = await startLocalStack({ logLevel: 'WARN' });
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const scores: LighthouseScores[] = [];
    for (const formFactor of ['mobile', 'desktop'] as const) {
      const url = `${stack.apiUrl}/file`;
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        },
        formFactor === 'desktop'
          ? {
              extends: 'lighthouse:default',
              settings: {
                formFactor: 'desktop',
                screenEmulation: {
                  mobile: false,
                  width: 1350,
                  height: 940,
                  deviceScaleFactor: 1,
                  disabled: false,
                },
                throttling: {
                  rttMs: 40,
                  throughputKbps: 10_240,
                  cpuSlowdownMultiplier: 1,
                  requestLatencyMs: 0,
                  downloadThroughputKbps: 0,
                  uploadThroughputKbps: 0,
                },
              },
            }
          : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error('Lighthouse gave no result');
      scores.push({
        page: '/file',
        formFactor,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        largestContentfulPaintMs:
          lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        totalBlockingTimeMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      });
    }
    return scores;
  } finally {
    chrome.kill();
    await stack.stop();
  }
}
