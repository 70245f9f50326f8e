import { settingsHandlers } from '@/lib/api/webhooks/endpoints';
import { settingsRoute } from '@/lib/api/settings-route';

export const DELETE = settingsRoute<{ id: string }>({}, settingsHandlers.remove);
