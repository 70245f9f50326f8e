/** Why this step is not possible now (from availableActions), shown before the form. */
export function Refusal({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p
      role="status"
      data-testid="refusal"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      Not possible now: {reason}
    </p>
  );
}
