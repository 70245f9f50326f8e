import { releaseMilestone } from '@/lib/steps';
import { ReleaseStepPage } from '@/components/escrow/release-page';

export default async function ReleaseMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return <ReleaseStepPage id={id} step={releaseMilestone} index={index} />;
}
