import { showControls } from '@/lib/text';

/** On-chain text, isolated from its surroundings and with control characters made visible. */
export function ChainText({ text }: { text: string }) {
  return <bdi>{showControls(text)}</bdi>;
}
