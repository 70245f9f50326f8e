import type { ReactNode } from 'react';
import { SettingsNav } from './settings-nav';

/** Every settings page: the settings navigation above it, inside the root layout's one <main>. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="py-2">
      <SettingsNav />
      {children}
    </div>
  );
}
