import { settingsHandlers } from '@/lib/api/webhooks/endpoints';
import { settingsRoute } from '@/lib/api/settings-route';

export const GET = settingsRoute({}, settingsHandlers.list);
export const POST = settingsRoute({}, settingsHandlers.create);
