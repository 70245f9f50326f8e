'use client';
/** The header's link to the dashboard, with the connected wallet's address in it. */
import Link from 'next/link';
import { dashboardHref } from '@/lib/db/queries/dashboard-query';
import { useWallet } from '../wallet/wallet-provider';

export function MyEscrowsLink() {
  const { address } = useWallet();
  return <Link href={dashboardHref(address ? { address } : {})}>My escrows</Link>;
}
