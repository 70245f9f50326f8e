import { deleteKey } from '@/lib/api/endpoints/settings';
import { settingsRoute } from '@/lib/api/settings-route';

export const DELETE = settingsRoute<{ id: string }>({}, deleteKey);
