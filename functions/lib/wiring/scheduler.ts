/** Per-complaint schedules on EventBridge Scheduler (locally, the emulator at SCHEDULER_ENDPOINT). */

import {
  createSchedulerClient,
  EventBridgeScheduler,
} from '../../../shared/adapters/scheduler/eventbridge-scheduler.js';
import type { Scheduler } from '../../../shared/ports.js';
import { requiredEnv } from '../dependencies.js';
import { traced } from './tracing.js';

export function schedulerFromEnvironment(): Scheduler {
  return new EventBridgeScheduler(traced(createSchedulerClient()), {
    groupName: requiredEnv('SCHEDULE_GROUP'),
    deadlineTargetArn: requiredEnv('DEADLINE_FUNCTION_ARN'),
    noticeTargetArn: requiredEnv('NOTICE_FUNCTION_ARN'),
    roleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
    deadLetterArn: requiredEnv('SCHEDULE_DLQ_ARN'),
  });
}
