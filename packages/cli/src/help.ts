/** The help texts of `tandem` and its commands. */

export const COMMANDS = ['schedule', 'demo', 'help'] as const;
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `tandem — schedule project plans the way Microsoft Project does

Usage
  tandem schedule FILE [--json] [--status-date DATE]
  tandem demo [--json]
  tandem help [COMMAND]
  tandem --version

Commands
  schedule   Schedule a plan file and print its tasks, dates, float and critical path
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
    case 'demo':
      return DEMO;
    case 'help':
      return HELP;
    default:
      return GENERAL;
  }
}
