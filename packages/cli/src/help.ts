/** The help texts of `tandem` and its commands. */

export const COMMANDS = [
  'schedule',
  'forecast',
  'level',
  'evm',
  'demo',
  'serve',
  'user',
  'token',
  'backup',
  'restore',
  'import',
  'export',
  'report',
  'advise',
  'help',
] as const;
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `tandem — schedule project plans the way Microsoft Project does

Usage
  tandem schedule FILE [--json] [--status-date DATE]
  tandem forecast FILE [--iterations N] [--seed S] [--threads N] [--json]
  tandem forecast --throughput FILE.csv (--items N | --by DATE) [--json]
  tandem level FILE [--schedules N] [--seed S] [--json]
  tandem evm FILE [--baseline NAME] [--status-date DATE] [--period day|week|month] [--json]
  tandem demo [--json]
  tandem serve [--port N] [--host H] [--database URL | --data DIR]
  tandem user create --email E --name N [--password P | --password-stdin] [--workspace W] [--role R]
  tandem token create --email E --name NAME [--workspace W]
  tandem backup FILE [--workspace W]
  tandem restore FILE
  tandem import FILE --project ID [--format mspdi|csv|jira-csv|json|yaml] [--json]
  tandem export --project ID --format mspdi|csv|ics|json|yaml [--output FILE]
  tandem report --project ID --audience executive|pm|engineering [--format html|md|pdf] [--output FILE]
  tandem advise [--profile FILE.yaml] [--team-size N …] [--json]
  tandem help [COMMAND]
  tandem --version

Commands
  schedule   Schedule a plan file and print its tasks, dates, float and critical path
  forecast   Schedule risk analysis (Monte Carlo): P10…P95 dates, deadline odds, criticality,
             sensitivity; or, with --throughput, when N items will be done / how many by a date
  level      Resolve resource over-allocation (plans), or solve a PSPLIB instance (.sm)
  evm        Earned value and earned schedule against a baseline at a status date
  demo       Schedule the bundled demo plan (a bank's online banking platform)
  serve      Run the Tandem server (the same as npm start)
  user       Create an account (prints its id; a generated password once)
  token      Create an API token (printed once)
  backup     Back up a whole workspace as one JSON file
  restore    Restore a backup into an empty database
  import     Import MS Project XML, a task CSV, Jira's CSV export or a plan file into a project
  export     Export a project as MS Project XML, CSV, iCalendar (milestones) or a plan file
  report     A project's status report for executives, the PM or engineers (HTML, Markdown, PDF)
  advise     Who should lead a project: PM, IT PM, TPM or PM + TPM, with reasons and costs
  help       Show help for a command

Options
  -h, --help      Show help
  -v, --version   Show the version
  --color         Colour the output even when it is not a terminal
  --no-color      Never colour the output (also: the NO_COLOR environment variable)

The server commands use PostgreSQL when --database URL or DATABASE_URL is a postgres:// URL, and
SQLite in --data DIR, TANDEM_DATA or ./.tandem otherwise.

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

const DATABASE_OPTIONS = `Database (the same for serve, user, token, backup and restore)
  --database URL   PostgreSQL (postgres://user:password@host:5432/db); default DATABASE_URL
  --data DIR       SQLite's folder (tandem.db inside); default TANDEM_DATA, else ./.tandem
Without a PostgreSQL URL the database is SQLite. The schema is migrated to this version first.
`;

const SERVE = `tandem serve — run the Tandem server

Usage
  tandem serve [--port N] [--host H] [--database URL | --data DIR]

The same as npm start: migrates the database, and on the first start creates a demo workspace and
prints a one-time sign-in link (15 minutes, one use). Serves the REST API (docs at /api/docs) until
Ctrl-C or SIGTERM, then lets requests in flight finish and closes the database.

Options
  --port N   Port (default PORT, else 4400; 0 picks a free one)
  --host H   Interface (default HOST, else 127.0.0.1; 0.0.0.0 for every interface)

Environment: LOG_LEVEL (info), TANDEM_SECURE_COOKIES (true behind a TLS-terminating proxy).

${DATABASE_OPTIONS}`;

const USER = `tandem user create — create an account

Usage
  tandem user create --email E --name N [--password P | --password-stdin] [--workspace W] [--role R]
                     [--json]

Creates a sign-in account and makes it a member of the workspace W (its slug or id; default the only
workspace — with several, name one) with the role R: owner, admin, pm, tpm, member (the default) or
viewer. With no workspace in the database yet, the account is created alone (it can create one).

Prints the new user's id on stdout, and nothing else, so a script can keep it:
  id=$(tandem user create --email ana@example.com --name "Ana Lima" --role pm --password-stdin < pw.txt)
Without a password, one is generated and shown once on stderr. --password-stdin reads the first line
of stdin (safer than --password, which other users of the machine can see in the process list).
--json prints {id, email, name, workspace, role, password?} instead.

Passwords are stored as argon2id hashes; they must be 10 to 512 characters.

${DATABASE_OPTIONS}`;

const TOKEN = `tandem token create — create an API token

Usage
  tandem token create --email E --name NAME [--workspace W] [--json]

Creates an API token for the account E, named NAME (e.g. "CI"), in its workspace W (default its only
one). Prints the token on stdout, once: only its SHA-256 hash is stored. Use it as
"Authorization: Bearer tdm_…"; it acts as that account, with its role, in that workspace only, and is
revoked with DELETE /api/tokens/{id}. --json prints {id, name, prefix, email, workspace, token}.

${DATABASE_OPTIONS}`;

const BACKUP = `tandem backup — back up a workspace

Usage
  tandem backup FILE [--workspace W]

Writes every row of the workspace W (default the only one) as one JSON document: projects, plans,
RAID, change requests, members and their accounts (password hashes included: keep backups as safe
as the database), API tokens (hashed), the audit log. Read in one transaction, so it is consistent
while the server runs. The same data gives the same JSON on SQLite and PostgreSQL. FILE - writes to
stdout; otherwise FILE is replaced only once the whole backup is written.

${DATABASE_OPTIONS}`;

const RESTORE = `tandem restore — restore a backup into an empty database

Usage
  tandem restore FILE

Restores a backup made by tandem backup (on either engine) into an empty database — no workspace,
no account — all or nothing: if anything is wrong, nothing is written. A database that already has
data is refused, with what it holds. FILE - reads stdin. Then start the server on that database.

  tandem backup demo.json --data ./.tandem
  DATABASE_URL=postgres://tandem@db/tandem tandem restore demo.json

${DATABASE_OPTIONS}`;

const IMPORT = `tandem import — import a file into a project

Usage
  tandem import FILE --project ID [--format mspdi|csv|jira-csv|json|yaml] [--workspace W] [--json]

Imports FILE into the project (its id or name) in the server's database, all or nothing, as the
API's import jobs do (POST /api/projects/{id}/imports), and records the job:
  mspdi      MS Project XML — saved by MS Project, ProjectLibre, GanttProject or TaskJuggler: the
             whole plan (calendars, tasks, links, resources, assignments, baselines)
  csv        a task list (docs/csv.md: ID, Outline Level, Name, Duration, Predecessors like
             3FS+2d;5SS, Resource Names, % Complete, Status, Sprint…) into the project's calendars;
             Jira's issue export is recognised by its Issue key and Issue Type columns
  jira-csv   Jira's "Export CSV (all fields)": epics, stories and sub-tasks in their hierarchy,
             sprints created and assigned, Blocks links as finish-to-start dependencies
  json|yaml  a Tandem plan file (docs/plan-file.md)
Rows are matched by key (task ids, UIDs, issue keys): importing again updates in place. The format
comes from the file name unless --format is given; FILE - reads stdin (with --format).

A refused file prints every problem with its location (line and column, or the XML element path)
and changes nothing (exit code 2).

Options
  --project ID    The project's id or its name
  --format F      The file's format (default: from its extension)
  --workspace W   The workspace (id or slug); default the first
  --json          Print the finished job as JSON

${DATABASE_OPTIONS}`;

const EXPORT = `tandem export — export a project as a file

Usage
  tandem export --project ID --format mspdi|csv|ics|json|yaml [--output FILE] [--workspace W]

Exports the project (its id or name) from the server's database, as GET /api/projects/{id}/export:
  mspdi   MS Project XML with the scheduled dates (opens in MS Project, ProjectLibre, GanttProject)
  csv     the task CSV (docs/csv.md), with scheduled Start and Finish
  ics     iCalendar of the milestones and deadlines (one all-day event each, stable UIDs)
  json    a Tandem plan file (JSON); yaml the same in YAML

Options
  --output FILE   Write to FILE (replaced whole, never half-written) instead of stdout
  --workspace W   The workspace (id or slug); default the first

${DATABASE_OPTIONS}`;

const REPORT = `tandem report — a project's status report, told for one audience

Usage
  tandem report --project ID --audience executive|pm|engineering [--format html|md|pdf]
                [--status-date DATE] [--output FILE] [--workspace W]

Tells the project's status at the status date from the server's database (the same bytes as
GET /api/projects/{id}/reports/{audience}):
  executive     plain language: RAG and why, key dates, budget and value delivered, top risks,
                decisions needed (no jargon)
  pm            schedule and milestones with float, earned value (SPI, CPI, EAC…), change requests,
                RAID, stakeholder satisfaction
  engineering   critical path, blockers, technical risks, DORA four keys, quality, SLOs, releases

Options
  --project ID        The project's id or its name
  --format F          html (self-contained, charts inline), md (default) or pdf (needs --output)
  --status-date DATE  Report as of DATE (YYYY-MM-DD); default the project's status date. The same
                      data and date give the same report.
  --output FILE       Write to FILE instead of stdout
  --workspace W       The workspace (id or slug); default the first

${DATABASE_OPTIONS}`;

const ADVISE = `tandem advise — who should lead the project: PM, IT PM, TPM or PM + TPM

Usage
  tandem advise --profile FILE.yaml [flags] [--json]
  tandem advise --complexity low|medium|high --domain D --team-size N --seniority S
                --technologies N --strong-tech-leads yes|no --sponsors S --uncertainty U
                --in-house-experts yes|no --product-manager yes|no [--json]

Prints the recommendation, the reasons (each naming the profile fields it came from), every
option's annual cost with its source, and the trade-offs. Flags override the file's values.

Profile (file keys / flags)
  technicalComplexity  --complexity        low | medium | high
  domain               --domain            software | it_infrastructure | security | data |
                                           hardware | business | other
  teamSize             --team-size         people on the team
  teamSeniority        --seniority         junior | mixed | senior
  technologyCount      --technologies      distinct technologies to build on or integrate
  strongTechLeads      --strong-tech-leads yes | no
  sponsorTechnicality  --sponsors          non_technical | mixed | technical
  timelineUncertainty  --uncertainty       low | medium | high
  inHouseExperts       --in-house-experts  yes | no
  productManagerExists --product-manager   yes | no

The file may also hold figures: { currency, pm: {average, low, high, source}, tpm: {…},
tpmOverPm: {ratio, source}, tpmOverItPm: {ratio, source} } to replace the default salaries
(PRODUCT.md §5: PM $95,000, TPM $115,000; Glassdoor as quoted: TPMs ~40% over PMs, ~20% over IT PMs).

Options
  --json   Print the profile and the advice as JSON
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
    case 'serve':
      return SERVE;
    case 'user':
      return USER;
    case 'token':
      return TOKEN;
    case 'backup':
      return BACKUP;
    case 'restore':
      return RESTORE;
    case 'import':
      return IMPORT;
    case 'export':
      return EXPORT;
    case 'report':
      return REPORT;
    case 'advise':
      return ADVISE;
    case 'help':
      return HELP;
    default:
      return GENERAL;
  }
}
