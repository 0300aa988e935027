/**
 * The `tandem` command line: parses the arguments (node:util parseArgs), runs one command, and turns
 * errors into a message and an exit code. `main` never throws and never calls `process.exit`, so tests
 * run it in-process with their own stdout and stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CliIo, EXIT_OK } from './cli-io.ts';
import { COMMANDS, type CommandName, helpText } from './help.ts';
import { reportError } from './report-error.ts';
import { DEMO_PLAN, scheduleCommand } from './schedule-command.ts';
import { UserError } from './user-error.ts';
import { evmCommand } from './commands/evm-command.ts';
import { forecastCommand } from './commands/forecast-command.ts';
import { levelCommand } from './commands/level-command.ts';
import { throughputForecastCommand } from './commands/throughput-command.ts';
import { tokenCreateCommand, userCreateCommand } from './commands/account-commands.ts';
import { backupCommand, restoreCommand } from './commands/backup-commands.ts';
import { exportCommand, importCommand } from './commands/interop-commands.ts';
import { serveCommand } from './commands/serve-command.ts';
import { PROFILE_FLAGS, type ProfileFlag, adviseCommand } from './commands/advise-command.ts';
import { reportCommand } from './commands/report-command.ts';
import { databaseSettings } from './commands/server-database.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  'status-date': { type: 'string' },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  threads: { type: 'string' },
  throughput: { type: 'string' },
  items: { type: 'string' },
  by: { type: 'string' },
  unit: { type: 'string' },
  start: { type: 'string' },
  baseline: { type: 'string' },
  period: { type: 'string' },
  schedules: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  database: { type: 'string' },
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  workspace: { type: 'string' },
  role: { type: 'string' },
  // report, advise
  project: { type: 'string' },
  audience: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  profile: { type: 'string' },
  complexity: { type: 'string' },
  domain: { type: 'string' },
  'team-size': { type: 'string' },
  seniority: { type: 'string' },
  technologies: { type: 'string' },
  'strong-tech-leads': { type: 'string' },
  sponsors: { type: 'string' },
  uncertainty: { type: 'string' },
  'in-house-experts': { type: 'string' },
  'product-manager': { type: 'string' },
} as const;

export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/**
 * Runs `tandem` with `argv` (the arguments after the program name) and returns the exit code.
 *
 * @example
 * const code = await main(['schedule', 'plan.yaml', '--json'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.version) return print(io, `tandem ${version()}\n`);
    if (command === undefined) return print(io, helpText());
    if (!isCommand(command)) throw new UserError(`unknown command "${command}". ${hint(command)}`);
    if (values.help) return print(io, helpText(command));

    const env = io.env ?? process.env;
    const color =
      !values['no-color'] &&
      (values.color === true ||
        (io.stdout.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb'));
    const options = { json: values.json === true, color, statusDate: values['status-date'] };
    const cwd = io.cwd ?? process.cwd();

    switch (command) {
      case 'help': {
        const topic = rest[0];
        if (topic !== undefined && !isCommand(topic))
          throw new UserError(`no help for "${topic}". ${hint(topic)}`);
        return print(io, helpText(topic));
      }
      case 'schedule': {
        if (rest.length === 0)
          throw new UserError('schedule needs a file: tandem schedule FILE [--json] [--status-date DATE]');
        if (rest.length > 1)
          throw new UserError(`schedule takes one file, got ${rest.length}: ${rest.join(' ')}`);
        file = rest[0] as string;
        await scheduleCommand(file, cwd, options, io);
        return EXIT_OK;
      }
      case 'forecast': {
        if (values.throughput !== undefined) {
          if (rest.length > 0)
            throw new UserError(`forecast --throughput takes no plan file (got ${rest.join(' ')})`);
          file = values.throughput;
          await throughputForecastCommand(
            file,
            {
              items: values.items,
              by: values.by,
              iterations: values.iterations,
              seed: values.seed,
              unit: values.unit,
              start: values.start,
              json: options.json,
            },
            io,
            cwd,
          );
          return EXIT_OK;
        }
        file = oneFile('forecast', rest, 'tandem forecast FILE [--iterations N] [--seed S] [--json]');
        const forecast = { iterations: values.iterations, seed: values.seed, threads: values.threads };
        await forecastCommand(file, { ...forecast, json: options.json }, io, cwd);
        return EXIT_OK;
      }
      case 'evm': {
        file = oneFile('evm', rest, 'tandem evm FILE [--baseline NAME] [--status-date DATE] [--json]');
        const evm = { baseline: values.baseline, statusDate: values['status-date'], period: values.period };
        await evmCommand(file, { ...evm, json: options.json }, io, cwd);
        return EXIT_OK;
      }
      case 'level': {
        file = oneFile('level', rest, 'tandem level FILE [--schedules N] [--seed S] [--json]');
        const level = {
          schedules: values.schedules,
          seed: values.seed,
          json: options.json,
          color: options.color,
        };
        await levelCommand(file, level, io, cwd);
        return EXIT_OK;
      }
      case 'demo': {
        if (rest.length > 0)
          throw new UserError(`demo takes no file (got ${rest.join(' ')}); use tandem schedule FILE`);
        file = DEMO_PLAN;
        await scheduleCommand(DEMO_PLAN, cwd, { ...options, demo: true }, io);
        return EXIT_OK;
      }
      case 'serve': {
        if (rest.length > 0) throw new UserError(`serve takes no arguments (got ${rest.join(' ')})`);
        const database = databaseSettings(values, env, cwd);
        return await serveCommand(database, { port: values.port, host: values.host }, io);
      }
      case 'user':
      case 'token': {
        if (rest[0] !== 'create' || rest.length > 1)
          throw new UserError(
            `${command} ${rest.join(' ') || '(nothing)'}: the subcommand is "create". Run "tandem help ${command}".`,
          );
        const database = databaseSettings(values, env, cwd);
        const who = {
          email: values.email,
          name: values.name,
          workspace: values.workspace,
          json: options.json,
        };
        if (command === 'token') await tokenCreateCommand(database, who, io);
        else
          await userCreateCommand(
            database,
            { ...who, password: values.password, passwordStdin: values['password-stdin'], role: values.role },
            io,
          );
        return EXIT_OK;
      }
      case 'backup': {
        const target = oneFile('backup', rest, 'tandem backup FILE [--workspace W] (FILE - for stdout)');
        await backupCommand(databaseSettings(values, env, cwd), target, { workspace: values.workspace }, io);
        return EXIT_OK;
      }
      case 'report': {
        if (rest.length > 0)
          throw new UserError(`report takes no file (got ${rest.join(' ')}); see tandem help report`);
        const report = {
          project: values.project,
          audience: values.audience,
          format: values.format,
          statusDate: values['status-date'],
          output: values.output,
          workspace: values.workspace,
        };
        await reportCommand(databaseSettings(values, env, cwd), report, io);
        return EXIT_OK;
      }
      case 'advise': {
        if (rest.length > 0)
          throw new UserError(`advise takes no file (got ${rest.join(' ')}); use --profile FILE`);
        file = values.profile;
        const flags = Object.fromEntries(
          Object.keys(PROFILE_FLAGS).map((flag) => [flag, values[flag as ProfileFlag]]),
        ) as Partial<Record<ProfileFlag, string>>;
        await adviseCommand({ profile: values.profile, json: options.json, flags }, io);
        return EXIT_OK;
      }
      case 'import': {
        const source = oneFile(
          'import',
          rest,
          'tandem import FILE --project ID [--format mspdi|csv|jira-csv|json|yaml] [--json] (FILE - for stdin)',
        );
        const what = { project: values.project, format: values.format, workspace: values.workspace };
        await importCommand(databaseSettings(values, env, cwd), source, { ...what, json: options.json }, io);
        return EXIT_OK;
      }
      case 'export': {
        if (rest.length > 0)
          throw new UserError(`export takes no file (got ${rest.join(' ')}); use --output FILE`);
        const what = { project: values.project, format: values.format, output: values.output };
        await exportCommand(databaseSettings(values, env, cwd), { ...what, workspace: values.workspace }, io);
        return EXIT_OK;
      }
      case 'restore': {
        const source = oneFile('restore', rest, 'tandem restore FILE (FILE - for stdin)');
        await restoreCommand(databaseSettings(values, env, cwd), source, io);
        return EXIT_OK;
      }
    }
  } catch (error) {
    const { message, exitCode } = reportError(error, file);
    io.stderr.write(message);
    return exitCode;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '');
      throw new UserError(`${message}. Run "tandem --help" for the options.`);
    }
    throw error;
  }
}

function oneFile(command: string, rest: string[], usage: string): string {
  if (rest.length === 0) throw new UserError(`${command} needs a file: ${usage}`);
  if (rest.length > 1)
    throw new UserError(`${command} takes one file, got ${rest.length}: ${rest.join(' ')}`);
  return rest[0] as string;
}

const isCommand = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);

function hint(name: string): string {
  const close = COMMANDS.find((c) => c.startsWith(name.slice(0, 3)));
  return `${close ? `Did you mean "${close}"? ` : ''}Run "tandem --help" for the commands.`;
}

function print(io: CliIo, text: string): number {
  io.stdout.write(text);
  return EXIT_OK;
}
