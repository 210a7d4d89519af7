/**
 * A stage (`dev`, `prod`) from the CDK context: names, retention, removal policies, and what the
 * deployer must say (the SES sender) or may say (CORS origins, alarm e-mail).
 */

import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { corsOriginsFrom } from '../functions/lib/http.js';

export interface StageSettings {
  readonly name: 'dev' | 'prod';
  /** The AWS region (`-c region=…`, else the CLI's default region, else eu-central-1). */
  readonly region: string;
  /** Prefix of every named resource: `complaint-desk-<stage>`. */
  readonly prefix: string;
  readonly production: boolean;
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  /** The address notices are sent from (`-c senderEmail=…`). */
  readonly senderEmail: string;
  /** A verified domain identity instead of the single address (`-c senderDomain=…`). */
  readonly senderDomain: string | undefined;
  /** Origins allowed by CORS (`-c corsOrigins=https://a,https://b`); none: no CORS. */
  readonly corsOrigins: readonly string[];
  /** Where alarms are e-mailed (`-c alarmEmail=…`); none: the alarm topic only. */
  readonly alarmEmail: string | undefined;
  /** API Gateway stage throttling: steady requests per second and burst. */
  readonly throttle: { readonly rate: number; readonly burst: number };
}

function text(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function stageFromContext(node: Node): StageSettings {
  const name = text(node, 'stage') ?? 'dev';
  if (name !== 'dev' && name !== 'prod')
    throw new Error(`-c stage must be dev or prod, not ${name}`);
  const production = name === 'prod';
  const senderDomain = text(node, 'senderDomain');
  if (production && text(node, 'senderEmail') === undefined && senderDomain === undefined)
    throw new Error('A production stage needs -c senderEmail=… (or -c senderDomain=…)');
  const senderEmail =
    text(node, 'senderEmail') ??
    (senderDomain === undefined ? 'notices@example.kz' : `notices@${senderDomain}`);
  return {
    name,
    region: text(node, 'region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-central-1',
    prefix: `complaint-desk-${name}`,
    production,
    // R13: history is kept; a production table is never deleted with the stack.
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention: production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    senderEmail,
    senderDomain,
    // Read as the functions read CORS_ORIGINS, so the gateway and the answers agree.
    corsOrigins: corsOriginsFrom(text(node, 'corsOrigins')),
    alarmEmail: text(node, 'alarmEmail'),
    throttle: production ? { rate: 100, burst: 200 } : { rate: 20, burst: 40 },
  };
}
