import { keyHandlers, WEBHOOKS_SCOPE } from '@/lib/api/webhooks/endpoints';
import { apiRoute } from '@/lib/api/route';

export const POST = apiRoute<{ id: string; delivery: string }>(WEBHOOKS_SCOPE, keyHandlers.resend);
