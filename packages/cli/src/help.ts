/** The help texts of `tandem` and its commands. */

export const COMMANDS = ['schedule', 'forecast', 'level', 'evm', 'demo', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `tandem — schedule project plans the way Microsoft Project does

Usage
  tandem schedule FILE [--json] [--status-date DATE]
  tandem forecast FILE [--iterations N] [--seed S] [--threads N] [--json]
  tandem forecast --throughput FILE.csv (--items N | --by DATE) [--json]
  tandem level FILE [--schedules N] [--seed S] [--json]
  tandem evm FILE [--baseline NAME] [--status-date DATE] [--period day|week|month] [--json]
  tandem demo [--json]
  tandem help [COMMAND]
  tandem --version

Commands
  schedule   Schedule a plan file and print its tasks, dates, float and critical path
  forecast   Schedule risk analysis (Monte Carlo): P10…P95 dates, deadline odds, criticality,
             sensitivity; or, with --throughput, when N items will be done / how many by a date
  level      Resolve resource over-allocation (plans), or solve a PSPLIB instance (.sm)
  evm        Earned value and earned schedule against a baseline at a status date
  demo       Schedule the bundled demo plan (a bank's online banking platform)
  help       Show help for a command

Options
  -h, --help      Show help
  -v, --version   Show the version
  --color         Colour the output even when it is not a terminal
  --no-color      Never colour the output (also: the NO_COLOR environment variable)

Files: Tandem plan files (.yaml, .yml, .json; see docs/plan-file.md), MS Project XML (.xml),
PSPLIB single-mode instances (.sm).
`;

const SCHEDULE = `tandem schedule — schedule a plan and show the result

Usage
  tandem schedule FILE [--json] [--status-date DATE]

FILE is a Tandem plan file (.yaml, .yml, .json; see docs/plan-file.md), an MS Project XML file
(.xml) or a PSPLIB single-mode instance (.sm, scheduled with resources ignored).

Prints one row per task: ID, outline number, name (indented by level), duration and total float
in working days, start and finish; critical tasks are marked *. Then the project start and finish
and the critical path.

Options
  --json                Print the schedule as JSON instead: {project: {start, finish}, tasks: [...],
                        criticalPath: [...]}; dates are local date-times, floats are in minutes.
                        PSPLIB files add project.makespan and startPeriod/finishPeriod per task.
  --status-date DATE    Measure progress as of DATE (YYYY-MM-DD or YYYY-MM-DDTHH:mm), instead of
                        the file's status date. A date alone means the end of that working day.
  --no-color            Never colour the output.

Exit codes: 0 scheduled; 2 a problem with the input (unreadable file, invalid plan, dependency
cycle, bad option); 1 an internal error.
`;

const FORECAST = `tandem forecast — schedule risk analysis, or a throughput forecast

Usage
  tandem forecast FILE [--iterations N] [--seed S] [--threads N] [--json]
  tandem forecast --throughput FILE.csv --items N [--iterations N] [--seed S] [--json]
  tandem forecast --throughput FILE.csv --by DATE [--iterations N] [--seed S] [--json]

With a plan FILE: Monte Carlo on the dependency network. Each iteration draws every task's duration
from its three-point estimate (triangular, PERT or uniform), lets each risk event happen with its
probability (adding its delay to its tasks), keeps correlated tasks together, and reschedules with
every calendar and link. Prints P10/P50/P80/P90/P95 and the mean for the project finish and each
milestone, the probability of meeting each deadline, the tasks most often critical and the tasks
whose durations drive the finish (sensitivity). The same seed gives the same numbers, whatever the
number of threads.

With --throughput FILE.csv: Monte Carlo on your team's throughput history (one completed date per
row — Jira's Resolved column works — or date,count rows). --items N asks when N more items will be
done; --by DATE asks how many will be done by then.

Options
  --iterations N   Iterations (default 10,000)
  --seed S         Seed of the random streams (default 1)
  --threads N      Worker threads (default: every core)
  --unit day|week  Throughput per day (default) or per week
  --start DATE     First day of the throughput forecast (default: the day after the history)
  --json           Print the full result as JSON
`;

const LEVEL = `tandem level — resource levelling

Usage
  tandem level FILE [--schedules N] [--seed S] [--json]

For a plan (.yaml, .json, .xml): finds over-allocated resources and delays tasks the way a planner
would — highest priority first, then least float, then id; within float first, beyond it only when
it must; every link and constraint kept; manually scheduled, started, must-start/finish-on and
priority-1000 tasks never moved. Prints each delay (and whether it fits in the task's float), the
over-allocations before and after, and the levelled schedule.

For a PSPLIB instance (.sm): solves the resource-constrained project scheduling problem with a
genetic algorithm (serial and parallel schedule generation, forward–backward improvement).

Options
  --schedules N   Schedules to generate for a PSPLIB instance (default 5,000)
  --seed S        Seed of the search (default 1): the same seed gives the same answer
  --json          For .sm files exactly {makespan, lowerBound, starts: {job: period}}; for plans the
                  tandem schedule --json shape plus a "levelling" object
`;

const EVM = `tandem evm — earned value and earned schedule

Usage
  tandem evm FILE [--baseline NAME] [--status-date DATE] [--period day|week|month] [--json]

Measures the plan against a baseline at a status date: PV, EV, AC, SV, CV, SPI, CPI, EAC by three
methods (CPI, CPI×SPI, budget rate), ETC, VAC, TCPI, and earned schedule (ES, SV(t), SPI(t) and the
forecast finish), with one row per task.

Options
  --baseline NAME      Baseline to measure against (default "Baseline", else the first)
  --status-date DATE   Status date (default the plan's); a date alone means the end of that day
  --period UNIT        Add time-phased PV, EV and AC (S-curve data) by day, week or month
  --json               Print the full result as JSON
`;

const DEMO = `tandem demo — schedule the bundled demo plan

Usage
  tandem demo [--json] [--status-date DATE]

Schedules packages/cli/demo/online-banking.yaml — a retail bank's online banking platform run by a
Project Manager and a Technical Project Manager together: 51 tasks from initiation to hypercare,
UK bank holidays, FS/SS/FF links with lags, constraints, a deadline and progress to a status date —
and prints it like \`tandem schedule\` does, with the critical path marked.
`;

const HELP = `tandem help — show help

Usage
  tandem help [COMMAND]

COMMAND is one of: ${COMMANDS.join(', ')}.
`;

export function helpText(command?: CommandName): string {
  switch (command) {
    case 'schedule':
      return SCHEDULE;
    case 'forecast':
      return FORECAST;
    case 'level':
      return LEVEL;
    case 'evm':
      return EVM;
    case 'demo':
      return DEMO;
    case 'help':
      return HELP;
    default:
      return GENERAL;
  }
}
