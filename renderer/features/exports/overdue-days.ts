/** Until the reviewer chooses, an item still missing a week after export is highlighted. */
export const DEFAULT_OVERDUE_DAYS = 7;
const MAX_OVERDUE_DAYS = 9999;

/** What the reviewer typed, as a number of days; null when it is not one (0 to 9999). */
export function parseOverdueDays(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A stored setting, read defensively: anything but a whole number in range gives the default. */
export function storedOverdueDays(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_OVERDUE_DAYS
    ? value
    : DEFAULT_OVERDUE_DAYS;
}
