/**
 * CI's dependency audit: `npm audit --omit=dev --json`, summarised. The policy (README
 * "Operations"): every finding in a production dependency is reported; CI fails only on a critical advisory
 * that `npm audit fix` can resolve without a major upgrade, because that one is both urgent and cheap to fix.
 * An audit that cannot run (no network, a registry or mirror without the audit endpoint) is reported as
 * skipped and never fails CI: it says nothing about the code.
 *
 *   node --import tsx tools/ci/npm-audit.ts
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const severities = ['info', 'low', 'moderate', 'high', 'critical'] as const;
type Severity = (typeof severities)[number];

const reportSchema = z.object({
  vulnerabilities: z.record(
    z.string(),
    z.object({
      severity: z.enum(severities),
      via: z.array(z.union([z.string(), z.object({ title: z.string().optional(), url: z.string().optional() })])),
      /** `true`: a fix within the declared ranges; an object: only through a (major) upgrade; `false`: none. */
      fixAvailable: z.union([z.boolean(), z.object({ isSemVerMajor: z.boolean().optional() })]),
    }),
  ),
});

export interface AuditVerdict {
  readonly fail: boolean;
  readonly lines: readonly string[];
}

/** What CI prints and whether it fails, from npm's output (stdout) and whether npm could be run at all. */
export function assess(stdout: string): AuditVerdict {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { fail: false, lines: ['ci: npm audit skipped: npm gave no report (no network?)'] };
  }
  const report = reportSchema.safeParse(json);
  if (!report.success) {
    const message = typeof json === 'object' && json && 'message' in json ? String(json.message) : 'unexpected output';
    return { fail: false, lines: [`ci: npm audit skipped: the audit endpoint is unavailable (${message.split('\n')[0]})`] };
  }
  const entries = Object.entries(report.data.vulnerabilities);
  if (!entries.length) return { fail: false, lines: ['ci: npm audit: no known vulnerabilities in production dependencies'] };
  const count = (severity: Severity) => entries.filter(([, v]) => v.severity === severity).length;
  const blocking = entries.filter(([, v]) => v.severity === 'critical' && v.fixAvailable === true).map(([name]) => name);
  const lines = [
    `ci: npm audit: ${entries.length} vulnerable production package(s): ${[...severities]
      .reverse()
      .map((s) => `${count(s)} ${s}`)
      .join(', ')}`,
    ...entries.map(([name, v]) => {
      const titles = v.via.map((via) => (typeof via === 'string' ? `via ${via}` : (via.title ?? via.url ?? '?'))).join('; ');
      const fix = v.fixAvailable === true ? 'fix: npm audit fix' : v.fixAvailable ? 'fix: major upgrade' : 'no fix yet';
      return `  ${v.severity.padEnd(8)} ${name}: ${titles} (${fix})`;
    }),
  ];
  if (blocking.length) lines.push(`ci: failing: critical advisories with a compatible fix (run npm audit fix): ${blocking.join(', ')}`);
  return { fail: blocking.length > 0, lines };
}

function runAudit(): Promise<string> {
  return new Promise((resolve) => {
    // npm exits non-zero both for findings and for errors: the JSON on stdout tells them apart.
    execFile('npm', ['audit', '--omit=dev', '--json'], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (_error, stdout) =>
      resolve(stdout),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const verdict = assess(await runAudit());
  for (const line of verdict.lines) process.stdout.write(`${line}\n`);
  process.exit(verdict.fail ? 1 : 0);
}
