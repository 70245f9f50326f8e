'use client';
/**
 * Entries of the browser's localStorage as an external store for React (`useSyncExternalStore`):
 * components read them during render, after hydration, and re-render when this tab writes one
 * through `writeStored` or another tab (or a test) changes it.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** Writes (or, with null, removes) an entry and tells the components that read it. */
export function writeStored(key: string, value: string | null): void {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  for (const l of listeners) l();
}

/** The entry's text; null on the server, during hydration and when it is absent. */
export function useStored(key: string): string | null {
  return useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(key),
    () => null,
  );
}

const never = () => () => {};

/** False on the server and during hydration, true once the page runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
