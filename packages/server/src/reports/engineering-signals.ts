/**
 * The engineering signals of a status report — DORA four keys, quality and SLOs — for one project up
 * to the status date. Until a project's CI/CD and monitoring webhooks deliver data, the report says
 * so instead of showing zeros.
 */
import type { StatusSnapshot } from '@tandem/core';
import type { Db } from '../repositories/transaction.ts';

export interface EngineeringSignals {
  dora: StatusSnapshot['dora'];
  doraNote: string | null;
  quality: StatusSnapshot['quality'];
  slos: StatusSnapshot['slos'];
}

export const NO_DEPLOYMENT_DATA =
  'No deployment data: connect the CI/CD webhooks (GitHub, GitLab, Jenkins, CircleCI) to see the four keys.';

export async function engineeringSignals(
  db: Db,
  workspaceId: string,
  projectId: string,
  statusDate: string,
): Promise<EngineeringSignals> {
  void db;
  void workspaceId;
  void projectId;
  void statusDate;
  return { dora: null, doraNote: NO_DEPLOYMENT_DATA, quality: null, slos: [] };
}
