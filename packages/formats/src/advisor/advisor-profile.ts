/**
 * The staffing advisor's input at the edges: a project profile (and optional salary figures) as JSON
 * or YAML, validated once with every problem named by its path (`teamSize`, `figures.pm.average`).
 */
import {
  DEFAULT_SALARY_FIGURES,
  PROFILE_DOMAINS,
  PROFILE_LEVELS,
  type ProjectProfile,
  SENIORITIES,
  SPONSOR_TECHNICALITIES,
  type SalaryFigures,
} from '@tandem/core';
import { parse } from 'yaml';
import { z } from 'zod';
import { FormatError } from '../format-error.ts';

export const projectProfileSchema = z.strictObject({
  technicalComplexity: z.enum(PROFILE_LEVELS),
  domain: z.enum(PROFILE_DOMAINS),
  teamSize: z.number().int().min(1).max(100_000),
  teamSeniority: z.enum(SENIORITIES),
  technologyCount: z.number().int().min(0).max(1_000),
  strongTechLeads: z.boolean(),
  sponsorTechnicality: z.enum(SPONSOR_TECHNICALITIES),
  timelineUncertainty: z.enum(PROFILE_LEVELS),
  inHouseExperts: z.boolean(),
  productManagerExists: z.boolean(),
});

const amount = z.number().min(0).max(1e9);
const figure = z.strictObject({
  average: amount,
  low: amount.optional(),
  high: amount.optional(),
  source: z.string().min(1).max(500),
});
const ratio = z.strictObject({ ratio: z.number().min(0.1).max(10), source: z.string().min(1).max(500) });

/** Salary figures; every part optional, the rest from the defaults (PRODUCT.md §5). */
export const salaryFiguresSchema = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD')
    .optional(),
  pm: figure.optional(),
  tpm: figure.optional(),
  tpmOverPm: ratio.optional(),
  tpmOverItPm: ratio.optional(),
});

export const advisorRequestSchema = z.strictObject({
  profile: projectProfileSchema,
  figures: salaryFiguresSchema.optional(),
});

export function withDefaultFigures(figures: z.infer<typeof salaryFiguresSchema> | undefined): SalaryFigures {
  const d = DEFAULT_SALARY_FIGURES;
  return {
    currency: figures?.currency ?? d.currency,
    pm: figures?.pm ?? d.pm,
    tpm: figures?.tpm ?? d.tpm,
    tpmOverPm: figures?.tpmOverPm ?? d.tpmOverPm,
    tpmOverItPm: figures?.tpmOverItPm ?? d.tpmOverItPm,
  };
}

/** A profile file's YAML/JSON, unwrapped but not yet checked (for callers that merge in more fields). */
export function parseAdvisorDocument(text: string): { profile: Record<string, unknown>; figures?: unknown } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new FormatError({
      format: 'advisor-profile',
      path: '',
      message: `not YAML or JSON: ${(error as Error).message}`,
    });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new FormatError({
      format: 'advisor-profile',
      path: '',
      message: 'expected a mapping of profile fields',
    });
  const record = data as Record<string, unknown>;
  if ('profile' in record)
    return {
      profile: (record.profile ?? {}) as Record<string, unknown>,
      ...(record.figures !== undefined ? { figures: record.figures } : {}),
    };
  return { profile: record };
}

/**
 * Reads a profile file (YAML or JSON): either the profile itself, or `{ profile, figures }`.
 * Throws `FormatError` listing every problem.
 */
export function readAdvisorProfile(text: string): { profile: ProjectProfile; figures: SalaryFigures } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new FormatError({
      format: 'advisor-profile',
      path: '',
      message: `not YAML or JSON: ${(error as Error).message}`,
    });
  }
  const bare = !(typeof data === 'object' && data !== null && 'profile' in data);
  const result = advisorRequestSchema.safeParse(bare ? { profile: data } : data);
  if (!result.success)
    throw FormatError.fromIssues(
      'advisor-profile',
      result.error.issues.map((i) => ({
        path: (bare ? i.path.slice(1) : i.path).join('.') || '(the profile)',
        message: i.message,
      })),
    );
  return { profile: result.data.profile, figures: withDefaultFigures(result.data.figures) };
}
