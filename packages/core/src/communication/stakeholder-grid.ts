/**
 * The influence/interest grid (Mendelow's power/interest matrix): where each stakeholder sits and how
 * to engage them, with their preferred detail level and satisfaction.
 */

export const GRID_QUADRANTS = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const;
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

export const QUADRANT_ADVICE: Record<GridQuadrant, { label: string; engagement: string }> = {
  manage_closely: { label: 'Manage closely', engagement: 'Involve in decisions; meet regularly.' },
  keep_satisfied: {
    label: 'Keep satisfied',
    engagement: 'Consult on what affects them; brief, not detailed.',
  },
  keep_informed: { label: 'Keep informed', engagement: 'Regular updates; invite feedback.' },
  monitor: { label: 'Monitor', engagement: 'Light-touch updates; watch for changes.' },
};

export interface GridStakeholder {
  id: string;
  name: string;
  /** 1..5, or null when not assessed. */
  influence: number | null;
  interest: number | null;
}

export interface GridPlacement<T extends GridStakeholder> {
  stakeholder: T;
  quadrant: GridQuadrant | null;
}

/** High is 3 or more on the 1..5 scales. */
export const GRID_THRESHOLD = 3;

export function quadrantOf(influence: number | null, interest: number | null): GridQuadrant | null {
  if (influence === null || interest === null) return null;
  const power = influence >= GRID_THRESHOLD;
  const keen = interest >= GRID_THRESHOLD;
  return power ? (keen ? 'manage_closely' : 'keep_satisfied') : keen ? 'keep_informed' : 'monitor';
}

/** Stakeholders by quadrant (unassessed ones under `unplaced`), each list by influence then name. */
export function stakeholderGrid<T extends GridStakeholder>(
  stakeholders: readonly T[],
): Record<GridQuadrant, T[]> & { unplaced: T[] } {
  const grid = {
    manage_closely: [],
    keep_satisfied: [],
    keep_informed: [],
    monitor: [],
    unplaced: [],
  } as Record<GridQuadrant | 'unplaced', T[]>;
  const sorted = [...stakeholders].sort(
    (a, b) =>
      (b.influence ?? 0) - (a.influence ?? 0) ||
      (b.interest ?? 0) - (a.interest ?? 0) ||
      a.name.localeCompare(b.name),
  );
  for (const s of sorted) grid[quadrantOf(s.influence, s.interest) ?? 'unplaced'].push(s);
  return grid;
}
