import { z } from 'zod';
import { sendJob, type QueueDefinition } from '../jobs/queue';
import { log } from '../log/log';
import { checkAllAlerts } from './alert-checks';
import { deliverAlerts } from './alert-outbox';

// The alerts' jobs in the durable queue: the check every five minutes, once
// across instances (pg-boss's schedule); and a delivery soon after an alert is
// raised by something an admin did (a token made or revoked), so that it does
// not wait for the check.

const CHECK = 'alerts.check';
const DELIVER = 'alerts.deliver';

const deliverData = z.object({ tenantId: z.guid() });

export const ALERT_QUEUES: QueueDefinition[] = [
  {
    name: CHECK,
    onceQueued: true,
    cron: '*/5 * * * *',
    async work(_data, signal) {
      const done = await checkAllAlerts(new Date(), signal);
      if (done.raised + done.sent > 0) log.info(done, 'alerts: checked');
    },
  },
  {
    name: DELIVER,
    onceQueued: true,
    async work(data) {
      const { tenantId } = deliverData.parse(data);
      await deliverAlerts(tenantId);
    },
  },
];

/** Delivers the tenant's pending alerts soon (the check would, within five minutes). */
export async function requestAlertDelivery(tenantId: string): Promise<void> {
  await sendJob(DELIVER, { tenantId }, { key: tenantId });
}
