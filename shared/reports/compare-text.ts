/**
 * Case-insensitive code-point order, not localeCompare: the same on every device and server
 * whatever its locale data, so the workstation and the server list ties in the same order.
 */
export function compareText(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
