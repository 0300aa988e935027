// Staffing advisor: a project profile in (prefilled from the project's saved or derived profile), a
// recommendation out — PM, IT PM, TPM or PM + TPM — with the reasons and the profile fields they came
// from, each option's annual cost with its sources, and the trade-offs.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, describeError } from '../../api/index.ts';
import { useProjectId } from '../../app/use-project-id.ts';
import { PageHeader } from '../work-shared/PageHeader.tsx';

interface Profile {
  technicalComplexity: string;
  domain: string;
  teamSize: number;
  teamSeniority: string;
  technologyCount: number;
  strongTechLeads: boolean;
  sponsorTechnicality: string;
  timelineUncertainty: string;
  inHouseExperts: boolean;
  productManagerExists: boolean;
}

interface CostLine {
  label: string;
  amount: number;
  basis: string;
  source: string;
}
interface Advice {
  recommendation: string;
  recommendationName: string;
  reasons: { rule: string; text: string; fields: string[]; weight: number }[];
  options: {
    option: string;
    name: string;
    score: number;
    cost: {
      currency: string;
      annual: number;
      low?: number;
      high?: number;
      lines: CostLine[];
      alternatives: CostLine[];
    };
  }[];
  tradeOffs: {
    option: string;
    gains: string[];
    costs: string[];
    notes: { text: string; fields: string[] }[];
  }[];
  figuresNote: string | null;
}
interface ProjectAdvice {
  profile: Profile;
  profileSource: 'saved' | 'derived';
  derivedFrom: Record<string, string>;
  advice: Advice;
}

const LABELS: Record<keyof Profile, string> = {
  technicalComplexity: 'Technical complexity',
  domain: 'Domain',
  teamSize: 'Team size',
  teamSeniority: 'Team seniority',
  technologyCount: 'Number of technologies',
  strongTechLeads: 'Strong tech leads',
  sponsorTechnicality: 'How technical the sponsors are',
  timelineUncertainty: 'Timeline uncertainty',
  inHouseExperts: 'In-house subject-matter experts',
  productManagerExists: 'A product manager exists',
};
const LEVELS = ['low', 'medium', 'high'];
const CHOICES: Partial<Record<keyof Profile, string[]>> = {
  technicalComplexity: LEVELS,
  domain: ['software', 'it_infrastructure', 'security', 'data', 'hardware', 'business', 'other'],
  teamSeniority: ['junior', 'mixed', 'senior'],
  sponsorTechnicality: ['non_technical', 'mixed', 'technical'],
  timelineUncertainty: LEVELS,
};
const money = (currency: string, n: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);

export default function AdvisorPage() {
  const projectId = useProjectId();
  const project = useQuery({
    queryKey: ['project', projectId, 'advice'],
    queryFn: () => api<ProjectAdvice>(`/api/projects/${projectId}/advice`),
  });
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    if (project.data && profile === null) setProfile(project.data.profile);
  }, [project.data, profile]);
  const advise = useMutation({
    mutationFn: (p: Profile) => api<Advice>('/api/advisor', { method: 'POST', body: { profile: p } }),
    meta: { silent: true },
  });
  const advice = advise.data ?? project.data?.advice;
  const set = <K extends keyof Profile>(key: K, value: Profile[K]) => {
    if (profile) setProfile({ ...profile, [key]: value });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Staffing advisor"
        description="Who should lead this project: a PM, an IT PM, a TPM, or a PM and a TPM together."
      />
      {project.isError && <Alert color="red">{describeError(project.error)}</Alert>}
      {profile && (
        <Paper withBorder radius="lg" p="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {project.data?.profileSource === 'saved'
                ? 'The profile saved with the project.'
                : 'A profile derived from the project’s resources, work items and stakeholders — adjust it and ask again.'}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {(Object.keys(LABELS) as (keyof Profile)[]).map((key) => {
                const hint = project.data?.derivedFrom[key];
                const description = project.data?.profileSource === 'derived' ? hint : undefined;
                const value = profile[key];
                if (typeof value === 'boolean')
                  return (
                    <Switch
                      key={key}
                      label={LABELS[key]}
                      description={description}
                      checked={value}
                      onChange={(e) => set(key, e.currentTarget.checked as never)}
                    />
                  );
                if (typeof value === 'number')
                  return (
                    <NumberInput
                      key={key}
                      label={LABELS[key]}
                      description={description}
                      min={key === 'teamSize' ? 1 : 0}
                      value={value}
                      onChange={(v) => set(key, (typeof v === 'number' ? v : Number(v) || 0) as never)}
                    />
                  );
                return (
                  <Select
                    key={key}
                    label={LABELS[key]}
                    description={description}
                    data={(CHOICES[key] ?? []).map((c) => ({ value: c, label: c.replace('_', ' ') }))}
                    value={value}
                    allowDeselect={false}
                    onChange={(v) => v && set(key, v as never)}
                  />
                );
              })}
            </SimpleGrid>
            <Group>
              <Button onClick={() => advise.mutate(profile)} loading={advise.isPending}>
                Advise
              </Button>
            </Group>
            {advise.isError && <Alert color="red">{describeError(advise.error)}</Alert>}
          </Stack>
        </Paper>
      )}
      {advice && <AdviceView advice={advice} />}
    </Stack>
  );
}

function AdviceView({ advice }: { advice: Advice }) {
  return (
    <Stack gap="md" data-testid="advice">
      <Paper withBorder radius="lg" p="md">
        <Title order={3} size="h4">
          Recommendation: {advice.recommendationName}
        </Title>
        <List mt="sm" spacing="xs">
          {advice.reasons.map((r) => (
            <List.Item key={r.rule}>
              <Text size="sm" span c={r.weight < 0 ? 'dimmed' : undefined}>
                {r.weight < 0 ? 'Against: ' : ''}
                {r.text}
              </Text>{' '}
              {r.fields.map((f) => (
                <Badge key={f} size="xs" variant="light" ml={4}>
                  {LABELS[f as keyof Profile] ?? f}
                </Badge>
              ))}
            </List.Item>
          ))}
        </List>
      </Paper>
      <Paper withBorder radius="lg" p="md">
        <Title order={3} size="h5" mb="sm">
          Annual cost of each option
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Option</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
              <Table.Th>Range</Table.Th>
              <Table.Th>Sources</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {advice.options.map((o) => (
              <Table.Tr key={o.option} fw={o.option === advice.recommendation ? 600 : undefined}>
                <Table.Td>{o.name}</Table.Td>
                <Table.Td ta="right">{money(o.cost.currency, o.cost.annual)}</Table.Td>
                <Table.Td>
                  {o.cost.low !== undefined && o.cost.high !== undefined
                    ? `${money(o.cost.currency, o.cost.low)} – ${money(o.cost.currency, o.cost.high)}`
                    : '—'}
                </Table.Td>
                <Table.Td>
                  {[...o.cost.lines, ...o.cost.alternatives].map((l) => (
                    <Text
                      key={`${l.label}${l.source}`}
                      size="xs"
                      c={o.cost.alternatives.includes(l) ? 'dimmed' : undefined}
                    >
                      {l.label}: {money(o.cost.currency, l.amount)} ({l.basis}) — {l.source}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {advice.figuresNote && (
          <Alert color="yellow" mt="sm" title="The sources disagree">
            {advice.figuresNote}
          </Alert>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {advice.tradeOffs.map((t) => (
          <Paper key={t.option} withBorder radius="lg" p="md">
            <Title order={4} size="h6">
              {advice.options.find((o) => o.option === t.option)?.name}
            </Title>
            <List size="sm" mt="xs">
              {t.gains.map((g) => (
                <List.Item key={g}>+ {g}</List.Item>
              ))}
              {t.costs.map((c) => (
                <List.Item key={c}>− {c}</List.Item>
              ))}
              {t.notes.map((n) => (
                <List.Item key={n.text}>! {n.text}</List.Item>
              ))}
            </List>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
