// The RAID heat map as the server computes it (`GET /api/projects/{id}/raid/heat-map`).
import { useQuery } from '@tanstack/react-query';
import { api, queryKeys } from '../../api/index.ts';

export interface HeatMapCell {
  probabilityLevel: number;
  impactLevel: number;
  score: number;
  rating: 'low' | 'medium' | 'high' | 'critical' | (string & {});
  riskIds: string[];
  riskKeys: string[];
}

export interface HeatMap {
  basis: 'inherent' | 'residual';
  probabilityLevels: string[];
  impactLevels: string[];
  cells: HeatMapCell[];
  unscored: string[];
}

export const RATING_COLOR: Record<string, string> = {
  low: '#2f9e44',
  medium: '#f59f00',
  high: '#f76707',
  critical: '#e03131',
};

/** Under the RAID collection's key, so a RAID change (ours or live) refreshes it. */
export function useHeatMap(projectId: string, basis: 'inherent' | 'residual') {
  return useQuery({
    queryKey: [...queryKeys.collection(projectId, 'raid-entries'), 'heat-map', basis],
    queryFn: ({ signal }) =>
      api<HeatMap>(`/api/projects/${projectId}/raid/heat-map`, { query: { basis }, signal }),
  });
}

/** A representative probability for each level of the default matrix (Rare … Almost certain). */
export const PROBABILITY_CHOICES = [
  { value: '0.05', label: 'Rare (≤ 10%)' },
  { value: '0.2', label: 'Unlikely (10–30%)' },
  { value: '0.4', label: 'Possible (30–50%)' },
  { value: '0.6', label: 'Likely (50–70%)' },
  { value: '0.85', label: 'Almost certain (> 70%)' },
];

export const IMPACT_CHOICES = [
  { value: '1', label: '1 · Negligible' },
  { value: '2', label: '2 · Minor' },
  { value: '3', label: '3 · Moderate' },
  { value: '4', label: '4 · Major' },
  { value: '5', label: '5 · Severe' },
];
