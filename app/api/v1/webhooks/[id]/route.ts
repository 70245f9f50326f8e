import { keyHandlers, WEBHOOKS_SCOPE } from '@/lib/api/webhooks/endpoints';
import { apiRoute } from '@/lib/api/route';

export const DELETE = apiRoute<{ id: string }>(WEBHOOKS_SCOPE, keyHandlers.remove);
