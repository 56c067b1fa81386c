import { z } from 'zod';

export type Rectangle = { x: number; y: number; width: number; height: number };

export const DEFAULT_WINDOW: Rectangle & { maximized: boolean } = {
  x: Number.NaN,
  y: Number.NaN,
  width: 1366,
  height: 768,
  maximized: false,
};
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;

const savedWindowSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
});
export type SavedWindow = z.infer<typeof savedWindowSchema>;

/** The saved window, or null when the file is missing, damaged or from a stranger. */
export function parseSavedWindow(raw: string | null): SavedWindow | null {
  if (!raw) return null;
  try {
    const parsed = savedWindowSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Where to open the window: where it was last time if that is still mostly on a screen
 * (a projector unplugged since leaves it nowhere), otherwise centred at the default size on
 * the first screen, never larger than that screen's work area.
 */
export function windowBoundsFor(
  saved: SavedWindow | null,
  workAreas: readonly Rectangle[],
): Rectangle & { maximized: boolean } {
  const primary = workAreas[0];
  if (saved) {
    const visible = Math.max(0, ...workAreas.map((area) => overlap(saved, area)));
    if (visible >= saved.width * saved.height * 0.5) return saved;
  }
  if (!primary) return { ...DEFAULT_WINDOW };
  const width = Math.min(DEFAULT_WINDOW.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW.height, primary.height);
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
    maximized: saved?.maximized ?? false,
  };
}
