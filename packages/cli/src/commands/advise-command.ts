/**
 * `tandem advise [--profile FILE.yaml] [--team-size N …] [--json]`: who should lead the project — PM,
 * IT PM, TPM or PM + TPM — with the reasons (each naming the profile fields it came from), every
 * option's annual cost with its source, and the trade-offs. Flags override the file's values.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { OPTION_NAMES, PROFILE_FIELD_LABELS, adviseStaffing, type StaffingAdvice } from '@tandem/core';
import { parseAdvisorDocument, readAdvisorProfile } from '@tandem/formats';
import type { CliIo } from '../cli-io.ts';
import { UserError } from '../user-error.ts';

/** Command-line flag → profile field. */
export const PROFILE_FLAGS = {
  complexity: 'technicalComplexity',
  domain: 'domain',
  'team-size': 'teamSize',
  seniority: 'teamSeniority',
  technologies: 'technologyCount',
  'strong-tech-leads': 'strongTechLeads',
  sponsors: 'sponsorTechnicality',
  uncertainty: 'timelineUncertainty',
  'in-house-experts': 'inHouseExperts',
  'product-manager': 'productManagerExists',
} as const;
export type ProfileFlag = keyof typeof PROFILE_FLAGS;

const NUMBERS = new Set(['teamSize', 'technologyCount']);
const BOOLEANS = new Set(['strongTechLeads', 'inHouseExperts', 'productManagerExists']);

function flagValue(field: string, flag: string, text: string): unknown {
  if (NUMBERS.has(field)) {
    if (!/^\d+$/.test(text)) throw new UserError(`--${flag} must be a whole number (got "${text}")`);
    return Number(text);
  }
  if (BOOLEANS.has(field)) {
    if (/^(yes|true|y)$/i.test(text)) return true;
    if (/^(no|false|n)$/i.test(text)) return false;
    throw new UserError(`--${flag} must be yes or no (got "${text}")`);
  }
  return text.replace(/-/g, '_');
}

export async function adviseCommand(
  options: { profile?: string | undefined; json: boolean; flags: Partial<Record<ProfileFlag, string>> },
  io: CliIo,
): Promise<void> {
  let document: { profile: Record<string, unknown>; figures?: unknown } = { profile: {} };
  if (options.profile !== undefined) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd ?? process.cwd(), options.profile), 'utf8');
    } catch (error) {
      throw new UserError(`cannot read ${options.profile}: ${(error as Error).message}`);
    }
    document = parseAdvisorDocument(text);
  }
  const profile = { ...document.profile };
  for (const [flag, field] of Object.entries(PROFILE_FLAGS)) {
    const text = options.flags[flag as ProfileFlag];
    if (text !== undefined) profile[field] = flagValue(field, flag, text);
  }
  const missing = Object.entries(PROFILE_FLAGS).filter(([, field]) => profile[field] === undefined);
  if (missing.length > 0)
    throw new UserError(
      `advise needs the whole profile; missing: ${missing.map(([flag]) => `--${flag}`).join(', ')} (or --profile FILE.yaml)`,
    );
  const { profile: checked, figures } = readAdvisorProfile(
    JSON.stringify({ profile, ...(document.figures !== undefined ? { figures: document.figures } : {}) }),
  );
  const advice = adviseStaffing(checked, figures);
  io.stdout.write(
    options.json ? `${JSON.stringify({ profile: checked, ...advice }, null, 2)}\n` : adviceText(advice),
  );
}

const money = (currency: string, n: number) => `${currency} ${Math.round(n).toLocaleString('en-US')}`;

export function adviceText(advice: StaffingAdvice): string {
  const out: string[] = [`Recommendation: ${advice.recommendationName}`, '', 'Why'];
  for (const r of advice.reasons)
    out.push(
      `  ${r.weight > 0 ? '+' : '−'} ${r.text}`,
      `      (from ${r.fields.map((f) => PROFILE_FIELD_LABELS[f]).join(', ')})`,
    );
  out.push('', 'Annual cost of each option');
  const width = Math.max(...advice.options.map((o) => o.name.length));
  for (const o of advice.options) {
    const c = o.cost;
    const range =
      c.low !== undefined && c.high !== undefined
        ? `  (${money(c.currency, c.low)} – ${money(c.currency, c.high)})`
        : '';
    out.push(
      `  ${o.name.padEnd(width)}  ${money(c.currency, c.annual).padStart(12)}${range}${o.option === advice.recommendation ? '  ← recommended' : ''}`,
    );
    for (const l of c.lines)
      out.push(`      ${l.label}: ${money(c.currency, l.amount)}, ${l.basis} — ${l.source}`);
    for (const l of c.alternatives)
      out.push(`      other figure: ${l.label}: ${money(c.currency, l.amount)} — ${l.source}`);
  }
  if (advice.figuresNote) out.push('', `Note: ${advice.figuresNote}`);
  out.push('', 'Trade-offs');
  for (const t of advice.tradeOffs) {
    out.push(`  ${OPTION_NAMES[t.option]}`);
    for (const g of t.gains) out.push(`    + ${g}`);
    for (const c of t.costs) out.push(`    − ${c}`);
    for (const n of t.notes)
      out.push(`    ! ${n.text} (${n.fields.map((f) => PROFILE_FIELD_LABELS[f]).join(', ')})`);
  }
  return `${out.join('\n')}\n`;
}
