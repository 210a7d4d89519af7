/**
 * Tracing with AWS X-Ray (Powertools Tracer), for every function: each invocation (a middy
 * middleware in the HTTP and background pipelines) and each call of the AWS SDK clients the
 * function makes (`traced`). The domain knows nothing of it.
 *
 * The Tracer and the X-Ray SDK are loaded only where they would trace: in Lambda, unless
 * POWERTOOLS_TRACE_ENABLED is `false` (Powertools' own rule). Locally (the catalog gives
 * POWERTOOLS_TRACE_ENABLED=false, and there is no Lambda) they are never imported: no module to load,
 * no client wrapped, no daemon to reach. In AWS they come from the Powertools layer
 * (infra/bundling.ts) and load during the function's init, as a static import would.
 */

import type { MiddlewareObj } from '@middy/core';

/** Whether this process traces: in Lambda (AWS_EXECUTION_ENV), unless POWERTOOLS_TRACE_ENABLED is false. */
function tracingEnabled(environment: NodeJS.ProcessEnv = process.env): boolean {
  return (
    (environment.POWERTOOLS_TRACE_ENABLED ?? '').toLowerCase() !== 'false' &&
    (environment.AWS_EXECUTION_ENV ?? '') !== ''
  );
}

async function loadTracing() {
  const [{ Tracer }, { captureLambdaHandler }] = await Promise.all([
    import('@aws-lambda-powertools/tracer'),
    import('@aws-lambda-powertools/tracer/middleware'),
  ]);
  // Its service name is the Logger's: POWERTOOLS_SERVICE_NAME, which the catalog gives every function.
  const tracer = new Tracer();
  // Responses carry complaints (names, IINs, addresses): they never go into a trace.
  return { tracer, middleware: captureLambdaHandler(tracer, { captureResponse: false }) };
}

const tracing = tracingEnabled() ? await loadTracing() : undefined;

/** An AWS SDK v3 client whose calls are recorded as subsegments; the client itself if tracing is off. */
export function traced<Client>(client: Client): Client {
  return tracing ? tracing.tracer.captureAWSv3Client(client) : client;
}

/**
 * The invocation as the subsegment `## <handler>` with the ColdStart and Service annotations (no
 * middleware at all where tracing is off). An error the pipeline answers as the caller's (a 4xx,
 * `isFault` false) closes the subsegment as a success; any other is recorded as a fault.
 */
export function tracingMiddleware<Event, Result>(
  isFault: (error: unknown) => boolean = () => true,
): MiddlewareObj<Event, Result>[] {
  if (!tracing) return [];
  const { before, after, onError } = tracing.middleware as Required<MiddlewareObj<Event, Result>>;
  return [
    {
      before,
      after,
      onError: async (request) => {
        await (isFault(request.error) ? onError(request) : after(request));
      },
    },
  ];
}
