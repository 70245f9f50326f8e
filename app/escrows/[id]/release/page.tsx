import { release } from '@/lib/steps';
import { ReleaseStepPage } from '@/components/escrow/release-page';

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ReleaseStepPage id={id} step={release} />;
}
