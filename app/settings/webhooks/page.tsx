import type { Metadata } from 'next';
import { Webhooks } from './webhooks';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksPage() {
  return (
    <div>
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p className="mt-2 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
        Your servers can be told of every change to your escrows: each event is sent, signed per Standard Webhooks, to
        the URL of a subscription of one of your API keys (with the “webhooks” scope), and retried for a day while the
        receiver does not answer 2xx.
      </p>
      <Webhooks />
    </div>
  );
}
