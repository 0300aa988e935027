import { SimpleGrid, Stack } from '@mantine/core';
import { useProjectSummary } from '../../api/projects.ts';
import type { Project } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../app/format.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Stat } from '../../components/Stat.tsx';
import {
  BUDGET_LABEL,
  BUDGET_TONE,
  indexTone,
  varianceLabel,
  varianceTone,
} from '../../components/status.ts';
import { ChangeRequestsPanel } from './ChangeRequestsPanel.tsx';
import { EarnedValuePanel } from './EarnedValuePanel.tsx';
import { LensSkeleton } from './LensSkeleton.tsx';
import { MilestonesPanel } from './MilestonesPanel.tsx';
import { StakeholdersPanel } from './StakeholdersPanel.tsx';
import { TopRisksPanel } from './TopRisksPanel.tsx';

/** The PM lens: milestones, schedule variance, budget and earned value, top risks, changes, stakeholders. */
export function PmLens({ project }: { project: Project }) {
  const summary = useProjectSummary(project.id);
  if (summary.isPending) return <LensSkeleton />;
  if (summary.isError)
    return (
      <ErrorState error={summary.error} what="the project summary" onRetry={() => void summary.refetch()} />
    );
  const s = summary.data;
  const evm = s.evm;
  const money = (n: number | null | undefined) => formatMoney(n, s.currency);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <Stat
          label="Forecast finish"
          value={formatDate(s.schedule.finish)}
          detail={
            s.schedule.baselineFinish
              ? `${varianceLabel(s.schedule.finishVarianceDays)} · baseline ${formatDate(s.schedule.baselineFinish)}`
              : 'No baseline to compare with'
          }
          tone={varianceTone(s.schedule.finishVarianceDays)}
        />
        <Stat
          label="Schedule variance"
          value={evm ? money(evm.sv) : '—'}
          detail={
            evm
              ? `SPI ${evm.spi?.toFixed(2) ?? '—'}${evm.scheduleVarianceDays !== null ? ` · ${Math.abs(evm.scheduleVarianceDays)} working days ${evm.scheduleVarianceDays < 0 ? 'behind' : 'ahead'}` : ''}`
              : (s.evmUnavailable ?? undefined)
          }
          tone={indexTone(evm?.spi)}
        />
        <Stat
          label="Cost performance"
          value={evm?.cpi !== null && evm?.cpi !== undefined ? `CPI ${evm.cpi.toFixed(2)}` : '—'}
          detail={evm ? `CV ${money(evm.cv)} · EAC ${money(evm.eac)}` : 'Needs a baseline and a status date'}
          tone={indexTone(evm?.cpi)}
        />
        <Stat
          label="Budget"
          value={money(s.budget.budget)}
          detail={
            s.budget.forecast !== null
              ? `${BUDGET_LABEL[s.budget.state]} · forecast ${money(s.budget.forecast)}`
              : BUDGET_LABEL[s.budget.state]
          }
          hint={s.budget.reason}
          tone={BUDGET_TONE[s.budget.state]}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <MilestonesPanel projectId={project.id} summary={s} />
        <EarnedValuePanel summary={s} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <TopRisksPanel
          projectId={project.id}
          currency={s.currency}
          minutesPerDay={project.units.minutesPerDay}
        />
        <ChangeRequestsPanel
          projectId={project.id}
          currency={s.currency}
          minutesPerDay={project.units.minutesPerDay}
        />
        <StakeholdersPanel projectId={project.id} />
      </SimpleGrid>
    </Stack>
  );
}
