/**
 * Scheduler on EventBridge Scheduler (`@aws-sdk/client-scheduler`): one-time `at(...)` schedules in
 * Asia/Almaty wall time, in the stage's group, deleted after they fire, with a retry policy and a
 * dead-letter queue. Create, update and delete are each safe to repeat. Locally the same client talks
 * to the project's emulator (`SCHEDULER_ENDPOINT`).
 */

import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { ScheduleSpec } from '../../domain/schedules.js';
import type { Scheduler } from '../../ports.js';
import { formatLegalInstant } from '../../time/legal-time.js';

export interface SchedulerSettings {
  readonly groupName: string;
  readonly deadlineTargetArn: string;
  readonly noticeTargetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the targets. */
  readonly roleArn: string;
  readonly deadLetterArn: string;
}

export const scheduleTimeZone = 'Asia/Almaty';

/** `at(2026-11-27T09:00:00)`: the legal wall time, evaluated in Asia/Almaty. */
export function atExpression(instant: number): string {
  return `at(${formatLegalInstant(instant).slice(0, 19)})`;
}

export function createSchedulerClient(endpoint = process.env.SCHEDULER_ENDPOINT): SchedulerClient {
  return new SchedulerClient({
    region: process.env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export class EventBridgeScheduler implements Scheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: SchedulerSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  private input(spec: ScheduleSpec): CreateScheduleCommandInput {
    return {
      Name: spec.name,
      GroupName: this.settings.groupName,
      // What is due already (a notice to send now, a deadline found late) is asked for at the
      // current second, never at an earlier one: a one-time schedule is not meant to lie in the past.
      ScheduleExpression: atExpression(Math.max(spec.at, this.clock())),
      ScheduleExpressionTimezone: scheduleTimeZone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn:
          spec.target === 'deadline'
            ? this.settings.deadlineTargetArn
            : this.settings.noticeTargetArn,
        RoleArn: this.settings.roleArn,
        Input: JSON.stringify(spec.input),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 24 * 60 * 60 },
        DeadLetterConfig: { Arn: this.settings.deadLetterArn },
      },
    };
  }

  async create(spec: ScheduleSpec): Promise<void> {
    try {
      await this.client.send(new CreateScheduleCommand(this.input(spec)));
    } catch (error) {
      // Made already (a change carried out twice): bring it to this definition.
      if (!(error instanceof ConflictException)) throw error;
      await this.client.send(new UpdateScheduleCommand(this.input(spec)));
    }
  }

  async update(spec: ScheduleSpec): Promise<void> {
    try {
      await this.client.send(new UpdateScheduleCommand(this.input(spec)));
    } catch (error) {
      // It fired and was deleted meanwhile, or was never made: make it.
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await this.client.send(new CreateScheduleCommand(this.input(spec)));
    }
  }

  async remove(name: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({ Name: name, GroupName: this.settings.groupName }),
      );
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  }

  async list(prefix: string): Promise<readonly string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListSchedulesCommand({
          GroupName: this.settings.groupName,
          NamePrefix: prefix,
          MaxResults: 100,
          NextToken: token,
        }),
      );
      names.push(...(page.Schedules ?? []).map((schedule) => schedule.Name ?? ''));
      token = page.NextToken;
    } while (token);
    return names.filter((name) => name !== '');
  }
}
