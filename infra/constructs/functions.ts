/**
 * Every function of the catalog as a NodejsFunction: nodejs22.x on arm64, bundled by esbuild on
 * this machine (no Docker) with the options `npm run bench` measures, a log group with the stage's
 * retention, active X-Ray tracing with the Powertools layer (the Tracer and the X-Ray SDK), and a
 * role of its own that starts with nothing but its log group and sending its traces. What else each
 * function may do is granted by the construct that owns the resource, from the catalog.
 */

import path from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, LayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import {
  esbuildTarget,
  esmRequireBanner,
  externalModules,
  mainFields,
  powertoolsLayerParameter,
} from '../bundling.js';
import {
  environmentOf,
  functionArn,
  functions,
  type EnvironmentName,
  type FunctionDefinition,
} from '../catalog.js';
import type { StageSettings } from '../stage.js';

export interface DeployedFunction {
  readonly definition: FunctionDefinition;
  readonly function: NodejsFunction;
  readonly role: iam.Role;
}

const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** The deployed name of a catalog function: known before it exists, so functions can name each other. */
export function deployedName(stage: StageSettings, name: string): string {
  return `${stage.prefix}-${name}`;
}

/** A deployed function's ARN from its name alone (no reference, hence no dependency cycle). */
export function deployedArn(scope: Construct, stage: StageSettings, name: string): string {
  const stack = Stack.of(scope);
  return functionArn(stack.region, stack.account, deployedName(stage, name));
}

export class Functions extends Construct {
  readonly all: readonly DeployedFunction[];

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly stage: StageSettings;
      readonly environment: Readonly<Record<EnvironmentName, string>>;
    },
  ) {
    super(scope, id);
    const { stage } = props;
    // Resolved by CloudFormation at deployment, in the stack's Region (a public SSM parameter).
    const powertools = LayerVersion.fromLayerVersionArn(
      this,
      'powertools',
      StringParameter.valueForStringParameter(this, powertoolsLayerParameter),
    );
    this.all = functions.map((definition) => {
      const logGroup = new LogGroup(this, `${definition.name}-logs`, {
        logGroupName: `/aws/lambda/${deployedName(stage, definition.name)}`,
        retention: stage.logRetention,
        removalPolicy: stage.removalPolicy,
      });
      const role = new iam.Role(this, `${definition.name}-role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `${definition.name}: ${definition.description}`,
      });
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
      );
      const fn = new NodejsFunction(this, definition.name, {
        functionName: deployedName(stage, definition.name),
        description: definition.description,
        entry: path.join(repositoryRoot, definition.entry),
        handler: 'handler',
        projectRoot: repositoryRoot,
        depsLockFilePath: path.join(repositoryRoot, 'package-lock.json'),
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: definition.memoryMb,
        timeout: Duration.seconds(definition.timeoutSeconds),
        ...(definition.reservedConcurrency === undefined
          ? {}
          : { reservedConcurrentExecutions: definition.reservedConcurrency }),
        role,
        logGroup,
        // CDK adds xray:PutTraceSegments and xray:PutTelemetryRecords to the role.
        tracing: Tracing.ACTIVE,
        layers: [powertools],
        environment: {
          ...environmentOf(definition, props.environment),
          // Stack traces point into the TypeScript sources (not a setting of the code).
          NODE_OPTIONS: '--enable-source-maps',
        },
        bundling: {
          minify: true,
          sourceMap: true,
          format: OutputFormat.ESM,
          target: esbuildTarget,
          mainFields,
          externalModules,
          banner: esmRequireBanner,
          forceDockerBundling: false,
        },
      });
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Added by active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions (X-Ray accepts only *).',
      });
      return { definition, function: fn, role };
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The project runs nodejs22.x on purpose (docs/architecture.md: Node 22 is the Lambda runtime, and what the code is tested on); a newer runtime is a change of its own.',
    });
  }

  named(name: string): DeployedFunction {
    const found = this.all.find((f) => f.definition.name === name);
    if (!found) throw new Error(`No function ${name} in the catalog`);
    return found;
  }
}
