/**
 * Text that comes from the chain (titles, descriptions, statuses, reasons) is written by anyone.
 * Control and bidi-override characters could hide or reorder what a line says (U+202E turns
 * "gpj.exe" around); they are shown as visible code points instead, and pages isolate the text
 * in <bdi> so it cannot reorder what surrounds it.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** The text with each control or format character replaced by a visible ⟨U+XXXX⟩. Linear. */
export function showControls(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** The last second of year 9999: later dates have no four-digit year to show (JavaScript's own limit is year 275760). */
export const LATEST_DATE_SECONDS = 253_402_300_799n;

/** A chain time (unix seconds) as "YYYY-MM-DD HH:MM UTC", or "far future" beyond what a date can hold. */
export function formatChainTime(seconds: bigint): string {
  if (seconds > LATEST_DATE_SECONDS || seconds < 0n) return 'far future';
  return `${new Date(Number(seconds) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

/** The ISO string of a chain time, or null when no JavaScript date can hold it. */
export function chainTimeIso(seconds: bigint): string | null {
  return seconds > LATEST_DATE_SECONDS || seconds < 0n ? null : new Date(Number(seconds) * 1000).toISOString();
}
