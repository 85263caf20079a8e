import { Cron } from 'croner';
import { auditAnchorOf } from '../audit/auditAnchor.ts';
import { writeAuditCheckpoint } from '../audit/auditCheckpoint.ts';
import type { Deps } from '../http/types.ts';
import type { Job } from '../moduleKit/manifest.ts';
import { installedModules } from '../moduleKit/registry.ts';
import { sendTaskReminders, sendUrgentNotificationEmails } from '../notifications/reminders.ts';
import { runCalendarTaskGeneration } from '../tasks/tasks.jobs.ts';

export type { Job };

/** The platform's own jobs; each module adds its in its manifest (`jobs`). */
export const platformJobs: Job[] = [
  { name: 'calendar-tasks', schedule: '10 0 * * *', run: async (deps) => void (await runCalendarTaskGeneration(deps)) },
  { name: 'task-reminders', schedule: '0 * * * *', run: async (deps) => void (await sendTaskReminders(deps)) },
  { name: 'urgent-notification-emails', schedule: '*/5 * * * *', run: async (deps) => void (await sendUrgentNotificationEmails(deps)) },
  // The audit chain's anchor outside the database (issue 11 #5): a checkpoint every 10 minutes.
  {
    name: 'audit-checkpoint',
    schedule: '*/10 * * * *',
    run: async (deps) => {
      const anchor = auditAnchorOf(deps.config);
      if (anchor) await writeAuditCheckpoint(deps.database, anchor, deps.now());
    },
  },
];

/** Every job of the app: the platform's and each installed module's. */
export function allJobs(): Job[] {
  return [...platformJobs, ...installedModules().flatMap((m) => m.jobs ?? [])];
}

/**
 * MAMORI_JOB_SCHEDULE: one cron pattern (croner; six fields allow seconds) that replaces every
 * job's own schedule — for tests and diagnosis only (tests/reliability/twoInstances.test.ts makes
 * two servers fire every job at the same second). Unset in production.
 */
function scheduleOverride(env: NodeJS.ProcessEnv): string | null {
  const pattern = env.MAMORI_JOB_SCHEDULE?.trim();
  if (!pattern) return null;
  try {
    new Cron(pattern, { paused: true }).stop();
  } catch {
    throw new Error(`MAMORI_JOB_SCHEDULE の形式が正しくありません（指定値: ${pattern}）。cron 形式（例: */5 * * * * *）で指定してください`);
  }
  return pattern;
}

/** Starts every job on its cron schedule (Asia/Tokyo); returns a function that stops them. */
export function startJobs(deps: Deps, log: (message: string, error?: unknown) => void, env: NodeJS.ProcessEnv = process.env): () => void {
  const override = scheduleOverride(env);
  const running = allJobs().map(
    (job) =>
      new Cron(override ?? job.schedule, { timezone: 'Asia/Tokyo', protect: true, name: job.name }, async () => {
        try {
          await job.run(deps);
        } catch (error) {
          log(`job ${job.name} failed`, error);
        }
      }),
  );
  return () => {
    for (const cron of running) cron.stop();
  };
}
