import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { WindowBounds } from './security/window-options';

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1360, height: 860 }, maximized: false };

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(200).max(20_000),
    height: z.number().int().min(200).max(20_000),
  }),
  maximized: z.boolean(),
});

/** Enough of the title bar must stay on a screen to drag the window back. */
const MIN_VISIBLE = 100;

/**
 * The saved window state, kept only where it still fits the screens: a window last seen on an
 * unplugged monitor comes back centred on the primary one instead of off-screen.
 */
export function fitToDisplays(state: WindowState, workAreas: Area[]): WindowState {
  const { x, y, width, height } = state.bounds;
  if (x === undefined || y === undefined) return state;
  const visible = workAreas.some(
    (area) =>
      x + width - MIN_VISIBLE >= area.x &&
      x + MIN_VISIBLE <= area.x + area.width &&
      y >= area.y &&
      y + MIN_VISIBLE <= area.y + area.height,
  );
  return visible ? state : { ...state, bounds: { width, height } };
}

export async function loadWindowState(path: string, workAreas: Area[]): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? fitToDisplays(parsed.data, workAreas) : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(state)}\n`);
}
