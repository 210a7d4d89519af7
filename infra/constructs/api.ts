/**
 * The public API (docs/api.md) on API Gateway REST, every route from the catalog: officials'
 * routes behind a Cognito user pool authorizer; filing and the applicant's reads public at the
 * gateway (the handler checks the applicant's access token). Request validation at the gateway,
 * errors as problem+json, stage throttling, access logs, CORS for the web desk (and the context's
 * origins), and a WAF web ACL with a rate limit, the AWS common rule set and the 64 KiB body limit.
 * Officials sign in to the desk through the user pool's managed login (code flow with PKCE).
 */

import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import * as z from 'zod';
import { routes, type RouteSpec } from '../../functions/api/routes.js';
import { authorizedBodyGroup, officialGroup } from '../../functions/lib/auth.js';
import { maxBodyBytes, problemTitles } from '../../functions/lib/http.js';
import { problemStatus, type ProblemSlug } from '../../shared/domain/errors.js';
import type { StageSettings } from '../stage.js';
import type { DeployedFunction } from './functions.js';

/** Requests per client address in any 5 minutes before WAF blocks it. */
export const rateLimitPer5Minutes = 1_000;

/**
 * The gateway's check of a JSON body: an object with the schema's required fields, of the right JSON
 * types, and no others (API.md refuses unknown fields). Everything finer (patterns, check digits,
 * dates) is the handler's, from the same zod schema.
 */
export function gatewayModelOf(schema: z.ZodType): apigateway.JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-04', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string | string[] }>;
    required?: string[];
  };
  const types: Record<string, apigateway.JsonSchemaType> = {
    string: apigateway.JsonSchemaType.STRING,
    integer: apigateway.JsonSchemaType.INTEGER,
    number: apigateway.JsonSchemaType.NUMBER,
    boolean: apigateway.JsonSchemaType.BOOLEAN,
    object: apigateway.JsonSchemaType.OBJECT,
    array: apigateway.JsonSchemaType.ARRAY,
  };
  const properties = Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, property]) => {
      const type = typeof property.type === 'string' ? types[property.type] : undefined;
      return [name, type === undefined ? {} : { type }];
    }),
  );
  return {
    schema: apigateway.JsonSchemaVersion.DRAFT4,
    type: apigateway.JsonSchemaType.OBJECT,
    properties,
    ...(json.required && json.required.length > 0 ? { required: json.required } : {}),
    additionalProperties: false,
  };
}

/** A gateway error in the API's own shape (RFC 9457). */
function problemTemplate(slug: ProblemSlug, detail: string): Record<string, string> {
  const body = {
    type: `urn:problem:${slug}`,
    title: problemTitles[slug],
    status: problemStatus[slug],
    detail,
  };
  return { 'application/json': JSON.stringify(body) };
}

export class Api extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The managed login's domain: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly signInDomain: cognito.UserPoolDomain;
  /** Origins allowed by CORS: the web desk's first, then the stage's. */
  readonly corsOrigins: readonly string[];
  readonly restApi: apigateway.RestApi;
  readonly webAcl: wafv2.CfnWebACL;
  private readonly stage: StageSettings;

  constructor(
    scope: Construct,
    id: string,
    props: {
      readonly stage: StageSettings;
      /** The web desk's origin (`https://…`, no trailing slash): sign-in redirects and CORS. */
      readonly deskOrigin: string;
    },
  ) {
    super(scope, id);
    const { stage, deskOrigin } = props;
    this.stage = stage;
    this.corsOrigins = [deskOrigin, ...stage.corsOrigins];

    this.userPool = new cognito.UserPool(this, 'officials', {
      userPoolName: `${stage.prefix}-officials`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { bodyId: new cognito.StringAttribute({ mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: stage.production,
      removalPolicy: stage.removalPolicy,
    });
    for (const group of [officialGroup, authorizedBodyGroup]) {
      new cognito.CfnUserPoolGroup(this, `group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description:
          group === officialGroup
            ? 'Officials of a body (custom:bodyId names it)'
            : 'Officials of the authorized body, who control every body',
      });
    }
    this.client = this.userPool.addClient('desk', {
      userPoolClientName: `${stage.prefix}-desk`,
      authFlows: { userSrp: true },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      // The API reads custom:bodyId and the groups from the ID token.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true })
        .withCustomAttributes('bodyId'),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      // The desk is a public client (no secret in a browser): the code flow only, PKCE enforced by
      // the desk; the ID token (openid) carries the groups and custom:bodyId the API reads.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID],
        callbackUrls: [`${deskOrigin}/desk/callback`],
        logoutUrls: [`${deskOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    });
    // The managed login, on Cognito's domain; the prefix is unique per Region across AWS, hence
    // the account. The newer managed login renders only with a branding (Cognito's own here).
    this.signInDomain = this.userPool.addDomain('sign-in', {
      cognitoDomain: { domainPrefix: `${stage.prefix}-${Stack.of(this).account}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    new cognito.CfnManagedLoginBranding(this, 'sign-in-branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const accessLogs = new LogGroup(this, 'access-logs', {
      logGroupName: `/aws/apigateway/${stage.prefix}`,
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.restApi = new apigateway.RestApi(this, 'api', {
      restApiName: stage.prefix,
      description: 'The complaint desk for Kazakhstan’s public services',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: stage.name,
        throttlingRateLimit: stage.throttle.rate,
        throttlingBurstLimit: stage.throttle.burst,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
      },
      // The first origin is the answer's default; the others are matched against the request's.
      defaultCorsPreflightOptions: {
        allowOrigins: [...this.corsOrigins],
        allowMethods: ['GET', 'POST', 'OPTIONS'],
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-Match'],
        maxAge: Duration.hours(1),
      },
    });
    Validations.of(this.restApi).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason:
        'The account-level role API Gateway uses to write its logs: AWS documents this managed policy for it.',
    });

    // Errors the gateway answers itself, in the API's shape.
    const gatewayErrors: [apigateway.ResponseType, ProblemSlug, string][] = [
      [apigateway.ResponseType.UNAUTHORIZED, 'unauthorized', 'An official’s token is required'],
      [apigateway.ResponseType.ACCESS_DENIED, 'unauthorized', 'The token is not valid here'],
      [apigateway.ResponseType.EXPIRED_TOKEN, 'unauthorized', 'The token has expired'],
      [apigateway.ResponseType.BAD_REQUEST_BODY, 'validation-failed', 'The body is not valid'],
      [apigateway.ResponseType.REQUEST_TOO_LARGE, 'payload-too-large', 'The body is too large'],
      [apigateway.ResponseType.THROTTLED, 'rate-limited', 'Too many requests; retry later'],
      [apigateway.ResponseType.WAF_FILTERED, 'rate-limited', 'The request was refused'],
      [apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN, 'not-found', 'No such resource'],
      [apigateway.ResponseType.RESOURCE_NOT_FOUND, 'not-found', 'No such resource'],
      [apigateway.ResponseType.DEFAULT_5XX, 'internal', 'Something went wrong on our side'],
    ];
    for (const [type, slug, detail] of gatewayErrors) {
      this.restApi.addGatewayResponse(`problem-${type.responseType}`, {
        type,
        statusCode: String(problemStatus[slug]),
        responseHeaders: {
          'Content-Type': "'application/problem+json'",
          // A gateway response names one origin (no request matching here): the desk's.
          'Access-Control-Allow-Origin': `'${deskOrigin}'`,
        },
        templates: problemTemplate(slug, detail),
      });
    }

    this.webAcl = new wafv2.CfnWebACL(this, 'waf', {
      name: stage.prefix,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: stage.prefix,
        sampledRequestsEnabled: true,
      },
      // API Gateway lets WAF read up to 64 KiB of a body, exactly the API's limit.
      associationConfig: {
        requestBody: { API_GATEWAY: { defaultSizeInspectionLimit: 'KB_64' } },
      },
      rules: [
        {
          name: 'rate-per-address',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: rateLimitPer5Minutes, aggregateKeyType: 'IP' },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: `${stage.prefix}-rate`,
            sampledRequestsEnabled: true,
          },
        },
        {
          name: 'body-over-64-kib',
          priority: 1,
          action: { block: {} },
          statement: {
            sizeConstraintStatement: {
              fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
              comparisonOperator: 'GT',
              size: maxBodyBytes,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: `${stage.prefix}-body-size`,
            sampledRequestsEnabled: true,
          },
        },
        {
          name: 'aws-common',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Its 8 KB body limit would refuse long complaints the API accepts (64 KiB).
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: `${stage.prefix}-common`,
            sampledRequestsEnabled: true,
          },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'waf-association', {
      resourceArn: this.restApi.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }

  /** Serves the catalog's routes, each by its function. */
  serve(functions: readonly DeployedFunction[]): void {
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'officials-authorizer', {
      cognitoUserPools: [this.userPool],
      authorizerName: `${this.stage.prefix}-officials`,
    });
    const validator = this.restApi.addRequestValidator('validator', {
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });

    for (const deployed of functions) {
      if (deployed.definition.routes.length === 0) continue;
      const integration = new apigateway.LambdaIntegration(deployed.function, { proxy: true });
      for (const name of deployed.definition.routes) {
        const route: RouteSpec = routes[name];
        const resource = this.restApi.root.resourceForPath(route.path);
        const method = resource.addMethod(route.method, integration, {
          requestValidator: validator,
          ...(route.body === undefined
            ? {}
            : {
                requestModels: {
                  'application/json': this.restApi.addModel(`model-${name}`, {
                    modelName: name,
                    contentType: 'application/json',
                    schema: gatewayModelOf(route.body),
                  }),
                },
              }),
          ...(route.access === 'official'
            ? {
                authorizer,
                authorizationType: apigateway.AuthorizationType.COGNITO,
              }
            : {}),
        });
        if (route.access !== 'official') {
          const why =
            route.access === 'public'
              ? 'Public by law, so anyone may file a complaint and read the directory and calendar (docs/api.md).'
              : 'Applicants have no account: the handler checks the complaint’s access token, or an official’s JWT.';
          for (const rule of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) {
            Validations.of(method).acknowledge({ id: rule, reason: why });
          }
        }
      }
    }
  }

  /** Where the handlers verify officials' tokens: the same checks as the gateway's authorizer. */
  get environment() {
    const issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    return {
      JWKS_URL: `${issuer}/.well-known/jwks.json`,
      JWT_ISSUER: issuer,
      JWT_AUDIENCE: this.client.userPoolClientId,
    };
  }
}
