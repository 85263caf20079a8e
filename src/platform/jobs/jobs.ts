import { Cron } from 'croner';
import { escalateIncidentDeadlines } from '../../modules/incidents/incidents.jobs.ts';
import { runInventoryDisposalCheck } from '../../modules/inventory/inventory.jobs.ts';
import type { Deps } from '../http/types.ts';
import { sendTaskReminders, sendUrgentNotificationEmails } from '../notifications/reminders.ts';
import { runCalendarTaskGeneration } from '../tasks/tasks.jobs.ts';

/** A periodic job. Jobs must be idempotent: several app instances may run them at once. */
export type Job = { name: string; schedule: string; run: (deps: Deps) => Promise<void> };

/** Every job of the app; platform parts and modules add theirs here. */
export const jobs: Job[] = [
  { name: 'calendar-tasks', schedule: '10 0 * * *', run: async (deps) => void (await runCalendarTaskGeneration(deps)) },
  { name: 'task-reminders', schedule: '0 * * * *', run: async (deps) => void (await sendTaskReminders(deps)) },
  { name: 'urgent-notification-emails', schedule: '*/5 * * * *', run: async (deps) => void (await sendUrgentNotificationEmails(deps)) },
  // M4: incident duties due soon or overdue → urgent notifications, e-mailed at once (escalation).
  { name: 'incident-deadlines', schedule: '15 * * * *', run: async (deps) => void (await escalateIncidentDeadlines(deps)) },
  // M1: 利用期限・保管期限 passed → a disposal task per entry (idempotent).
  { name: 'inventory-disposal', schedule: '20 0 * * *', run: async (deps) => void (await runInventoryDisposalCheck(deps)) },
];

/** Starts every job on its cron schedule (Asia/Tokyo); returns a function that stops them. */
export function startJobs(deps: Deps, log: (message: string, error?: unknown) => void): () => void {
  const running = jobs.map(
    (job) =>
      new Cron(job.schedule, { timezone: 'Asia/Tokyo', protect: true, name: job.name }, async () => {
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
