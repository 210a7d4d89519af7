/**
 * The CDK app, built for a stage: one stack, checked by cdk-nag's AwsSolutions pack on every synth
 * (a finding that is not acknowledged, with its reason, fails the synth).
 */

import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ComplaintDeskStack } from './stack.js';
import { stageFromContext } from './stage.js';

export function buildApp(
  options: { readonly context?: Record<string, string>; readonly outdir?: string } = {},
): {
  app: App;
  stack: ComplaintDeskStack;
} {
  const app = new App({
    context: options.context ?? {},
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
  });
  const stage = stageFromContext(app.node);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const stack = new ComplaintDeskStack(app, stage.prefix, {
    stage,
    description: `The complaint desk for Kazakhstan's public services (${stage.name})`,
    // The region is part of the template (the table's encryption names it); the account is not.
    env: { region: stage.region, ...(account ? { account } : {}) },
    tags: { project: 'complaint-desk', stage: stage.name },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
