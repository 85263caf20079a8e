import { z } from 'zod';
import { idField, pageQuery } from '../validation/fields.ts';

export const notificationsQuery = pageQuery.extend({
  unread: z.enum(['0', '1'], { error: '未読の指定は0か1で指定してください' }).optional(),
});

export const notificationIdParams = z.object({ id: idField('通知') });
