// The real command, as a user runs it: node, the bin script, tsx, a separate process.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));

async function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/tandem.js in a child process', () => {
  it('runs the demo', async () => {
    const { code, stdout, stderr } = await tandem('demo');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Critical path');
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits with 2 and one message, no stack trace, for a missing file', async () => {
    const { code, stdout, stderr } = await tandem('schedule', 'does-not-exist.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tandem: file not found: does-not-exist\.yaml/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its version', async () => {
    expect((await tandem('--version')).stdout).toMatch(/^tandem \d+\.\d+\.\d+\n$/);
  });
});
