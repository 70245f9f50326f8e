import { settingsHandlers } from '@/lib/api/webhooks/endpoints';
import { settingsRoute } from '@/lib/api/settings-route';

export const POST = settingsRoute<{ id: string; delivery: string }>({}, settingsHandlers.resend);
