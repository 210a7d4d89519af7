/**
 * The web desk (web/) in AWS: its build in a private S3 bucket, served by CloudFront through an
 * origin access control, over HTTPS only, with the security headers `npm start` sends (one
 * definition, infra/web-headers.ts), the app's own paths answered by index.html, and its runtime
 * config (`/config.json`: the API and the sign-in) written at deploy time from the stack's values.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { webDistDirectory, type DeskConfig } from '../local/web-desk.js';
import type { StageSettings } from '../stage.js';
import { deskHeaders } from '../web-headers.js';

/** The id of CDK's S3 deployment function, a singleton at the stack's root (aws-s3-deployment). */
const deploymentHandlerId = 'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C';

/**
 * CloudFront Function (viewer request): a path without a file extension (`/`, `/file`, `/follow`,
 * `/desk/…`) is one of the app's own, answered by index.html and routed in the page. Files keep
 * their paths, so a missing asset stays an error, where error responses rewritten to index.html
 * would answer it with a page.
 */
const spaRoutingCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) request.uri = '/index.html';
  return request;
}
`;

/**
 * The response headers policy's form of the desk's headers: the security headers CloudFront
 * knows by name go in its own settings (it refuses them as custom headers), the rest as custom
 * headers. A value it cannot express is an error here, not a header silently dropped.
 */
function responseHeadersOf(headers: Readonly<Record<string, string>>): {
  securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior;
  customHeadersBehavior: cloudfront.ResponseCustomHeadersBehavior;
} {
  let security: cloudfront.ResponseSecurityHeadersBehavior = {};
  const custom: cloudfront.ResponseCustomHeader[] = [];
  const unsupported = (name: string, value: string) =>
    new Error(`CloudFront cannot send ${name}: ${value}`);
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security = {
          ...security,
          contentSecurityPolicy: { contentSecurityPolicy: value, override: true },
        };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw unsupported(name, value);
        security = { ...security, contentTypeOptions: { override: true } };
        break;
      case 'x-frame-options': {
        const frameOption = {
          DENY: cloudfront.HeadersFrameOption.DENY,
          SAMEORIGIN: cloudfront.HeadersFrameOption.SAMEORIGIN,
        }[value.toUpperCase()];
        if (frameOption === undefined) throw unsupported(name, value);
        security = { ...security, frameOptions: { frameOption, override: true } };
        break;
      }
      case 'referrer-policy': {
        // The enum's values are the header's own words.
        const referrerPolicy = new Map<string, cloudfront.HeadersReferrerPolicy>(
          Object.values(cloudfront.HeadersReferrerPolicy).map((policy) => [policy, policy]),
        ).get(value);
        if (referrerPolicy === undefined) throw unsupported(name, value);
        security = { ...security, referrerPolicy: { referrerPolicy, override: true } };
        break;
      }
      case 'strict-transport-security': {
        const directives = value.split(';').map((directive) => directive.trim().toLowerCase());
        const maxAge = /^max-age=(\d+)$/.exec(directives[0] ?? '')?.[1];
        const known = new Set(['includesubdomains', 'preload']);
        if (maxAge === undefined || directives.slice(1).some((d) => !known.has(d)))
          throw unsupported(name, value);
        security = {
          ...security,
          strictTransportSecurity: {
            accessControlMaxAge: Duration.seconds(Number(maxAge)),
            includeSubdomains: directives.includes('includesubdomains'),
            preload: directives.includes('preload'),
            override: true,
          },
        };
        break;
      }
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: security, customHeadersBehavior: { customHeaders: custom } };
}

/**
 * aws-cdk-lib's Bucket types `isWebsite` as `boolean | undefined`, which IBucket's optional
 * property refuses under exactOptionalPropertyTypes: the same object, typed as its interface.
 */
const asIBucket = (bucket: s3.Bucket): s3.IBucket => bucket as s3.IBucket;

export interface WebDeskProps {
  readonly stage: StageSettings;
  /** What the desk reads at start: the API's base URL and the managed login's domain and client. */
  readonly config: DeskConfig;
  /** The API's origin (`https://<id>.execute-api.<region>.amazonaws.com`), for the CSP. */
  readonly apiOrigin: string;
}

export class WebDesk extends Construct {
  readonly bucket: s3.IBucket;
  readonly logs: s3.IBucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`: the desk's origin, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebDeskProps) {
    super(scope, id);
    // S3's access logs delivered under a bucket policy, not ACLs: CDK's recommended flag, set for
    // this construct's buckets alone (the stack sets no flags beyond the defaults).
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { stage, config } = props;
    if (!existsSync(path.join(webDistDirectory, 'index.html')))
      throw new Error(`${webDistDirectory} holds no build of the web desk: npm run build:web`);
    // A stage that keeps its data keeps its logs; dev's buckets go with the stack, emptied first.
    const removal = {
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: stage.removalPolicy === RemovalPolicy.DESTROY,
    };

    const privateBucket = (name: string, props: s3.BucketProps = {}) =>
      asIBucket(
        new s3.Bucket(this, name, {
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
          enforceSSL: true,
          encryption: s3.BucketEncryption.S3_MANAGED,
          ...removal,
          ...props,
        }),
      );
    const expiration = [{ expiration: Duration.days(stage.logRetention) }];
    // S3's access logs, written under a bucket policy (no ACLs): who read and who wrote the
    // desk's files, the deployment's writes included.
    this.logs = privateBucket('logs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: expiration,
    });
    // CloudFront's standard logs are delivered with ACLs: they get a bucket of their own, so that
    // the one above can do without.
    const edgeLogs = privateBucket('edge-logs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: expiration,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'edge-logs/',
    });
    this.bucket = privateBucket('site', {
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site/',
    });

    const headers = responseHeadersOf(
      deskHeaders({ api: props.apiOrigin, signIn: config.signIn.domain }, true),
    );
    const responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'headers', {
      comment: 'Security headers of the web desk (infra/web-headers.ts)',
      ...headers,
    });
    // Read only: a missing file is S3's 403 (with listing it would be a 404, at the price of a
    // bucket listing one misconfiguration away).
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessLevels: [cloudfront.AccessLevel.READ],
    });
    const spaRouting = new cloudfront.Function(this, 'spa-routing', {
      comment: 'Paths of the app itself are answered by index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(spaRoutingCode),
    });
    const behavior = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      // Edge caching follows each object's Cache-Control (set by the deployments below).
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      compress: true,
      responseHeadersPolicy,
    };
    this.distribution = new cloudfront.Distribution(this, 'distribution', {
      comment: `${stage.prefix} web desk`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        ...behavior,
        functionAssociations: [
          { function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      // Hashed names: a file there never changes, so no routing and long caching.
      additionalBehaviors: { '/assets/*': behavior },
      enableLogging: true,
      logBucket: edgeLogs,
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: applicants file from wherever they are, Kazakhstan’s citizens abroad included.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static files only; a CloudFront web ACL must live in us-east-1, outside this stack’s Region. The API, where requests do work, has its own WAF.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution’s own *.cloudfront.net certificate, whose TLS floor CloudFront sets; a custom domain with its own certificate (TLSv1.2_2021) is not configured.',
      },
    );

    this.deploy(stage, config);
  }

  /**
   * The build and its config, written by CDK's deployment function under a role of its own with
   * exactly the calls that function makes, on exactly these objects (CDK's own grants would be
   * wildcard actions on the whole asset bucket).
   */
  private deploy(stage: StageSettings, config: DeskConfig): void {
    const logGroup = new LogGroup(this, 'deployment-logs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    const role = new iam.Role(this, 'deployment-role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description:
        'Writes the build and config of the web desk to its bucket and invalidates its cache',
    });
    // CDK's grants to this role are dropped: the policy below is all it may do.
    const handlerRole = role.withoutPolicyUpdates();
    // Each source bound once here, so its object in the asset bucket is known by name.
    const bind = (source: deployment.ISource) => {
      const bound = source.bind(this, { handlerRole });
      return {
        source: { bind: () => bound } satisfies deployment.ISource,
        objectArn: bound.bucket.arnForObjects(bound.zipObjectKey),
      };
    };
    const hashed = bind(deployment.Source.asset(path.join(webDistDirectory, 'assets')));
    const pages = bind(
      deployment.Source.asset(webDistDirectory, {
        // The build's bookkeeping (its sources' stamp, Vite's manifest) is not served.
        exclude: ['assets', '.sources', '.vite'],
      }),
    );
    const runtimeConfig = bind(deployment.Source.jsonData('config.json', config));

    const policy = new iam.Policy(this, 'deployment-policy', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [hashed.objectArn, pages.objectArn, runtimeConfig.objectArn],
        }),
        new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
        new iam.PolicyStatement({
          actions: ['s3:PutObject', 's3:DeleteObject'],
          resources: [this.bucket.arnForObjects('*')],
        }),
        new iam.PolicyStatement({
          actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
          resources: [this.distribution.distributionArn],
        }),
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
      ],
    });
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'The deployment writes the build’s files, whatever their (hashed) names, into the desk’s own bucket, and prunes what the build no longer has.',
    });

    const common = { destinationBucket: this.bucket, role: handlerRole, logGroup };
    const assets = new deployment.BucketDeployment(this, 'deploy-assets', {
      ...common,
      sources: [hashed.source],
      destinationKeyPrefix: 'assets/',
      // Earlier builds' chunks stay: a page loaded before a deployment still finds what it loads.
      prune: false,
      cacheControl: [
        deployment.CacheControl.setPublic(),
        deployment.CacheControl.maxAge(Duration.days(365)),
        deployment.CacheControl.immutable(),
      ],
    });
    const site = new deployment.BucketDeployment(this, 'deploy-pages', {
      ...common,
      sources: [pages.source, runtimeConfig.source],
      // Pruning spares the assets (the deployment above owns them).
      exclude: ['assets/*'],
      // index.html and config.json change in place: browsers revalidate them every time.
      cacheControl: [deployment.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    // The new index.html names the new chunks: they are there first.
    site.node.addDependency(assets);
    for (const written of [assets, site]) written.node.addDependency(policy);

    // The deployment function is CDK's, one per stack, at the stack's root.
    const handler = Stack.of(this).node.tryFindChild(deploymentHandlerId);
    if (handler === undefined) throw new Error(`No ${deploymentHandlerId} in the stack`);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'CDK’s own deployment function (S3 deployment), whose Python runtime CDK chooses and updates with aws-cdk-lib.',
    });
  }
}
