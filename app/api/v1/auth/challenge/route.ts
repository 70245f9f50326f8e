import { postChallenge } from '@/lib/api/endpoints/settings';
import { settingsRoute } from '@/lib/api/settings-route';

export const POST = settingsRoute({ public: true }, postChallenge);
