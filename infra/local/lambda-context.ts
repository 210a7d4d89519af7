/** The Lambda context a local invocation gets: the function's name, memory and time limit. */

import type { Context } from 'aws-lambda';
import type { FunctionDefinition } from '../catalog.js';

export function lambdaContext(definition: FunctionDefinition, requestId: string): Context {
  const deadline = Date.now() + definition.timeoutSeconds * 1000;
  // The callback-style members of Context are deprecated and unused by promise handlers.
  const context: Omit<Context, 'done' | 'fail' | 'succeed'> = {
    callbackWaitsForEmptyEventLoop: false,
    functionName: definition.name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${definition.name}`,
    memoryLimitInMB: String(definition.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${definition.name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return context as Context;
}
