// Influence × interest (1–5 each) → the classic power/interest grid's advice.
export type Quadrant = 'manage' | 'satisfy' | 'inform' | 'monitor';

export const QUADRANT: Record<Quadrant, { label: string; color: string; advice: string }> = {
  manage: {
    label: 'Manage closely',
    color: 'red',
    advice: 'High influence, high interest: involve them in decisions.',
  },
  satisfy: {
    label: 'Keep satisfied',
    color: 'orange',
    advice: 'High influence, low interest: brief them, ask little.',
  },
  inform: { label: 'Keep informed', color: 'blue', advice: 'Low influence, high interest: regular updates.' },
  monitor: { label: 'Monitor', color: 'gray', advice: 'Low influence, low interest: light touch.' },
};

export function quadrantOf(influence: number | null, interest: number | null): Quadrant | null {
  if (influence === null || interest === null) return null;
  const high = (n: number) => n >= 3;
  if (high(influence)) return high(interest) ? 'manage' : 'satisfy';
  return high(interest) ? 'inform' : 'monitor';
}
