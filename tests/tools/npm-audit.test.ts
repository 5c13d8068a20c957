/** The CI audit policy: report every production finding, fail only on a critical one with a compatible fix, skip when npm cannot audit. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../tools/ci/npm-audit.ts';

const report = (vulnerabilities: Record<string, unknown>) => JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: {} });

describe('npm audit policy', () => {
  it('GIVEN a registry without the audit endpoint (as here: 405) THEN skipped, not failed, with the reason', () => {
    const stdout = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(assess(stdout)).toEqual({
      fail: false,
      lines: [
        'ci: npm audit skipped: the audit endpoint is unavailable (405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk)',
      ],
    });
    expect(assess('')).toMatchObject({ fail: false, lines: ['ci: npm audit skipped: npm gave no report (no network?)'] });
  });

  it('GIVEN no findings THEN a one-line all-clear', () => {
    expect(assess(report({}))).toEqual({ fail: false, lines: ['ci: npm audit: no known vulnerabilities in production dependencies'] });
  });

  it('GIVEN high findings and a critical one without a compatible fix THEN all reported and CI passes', () => {
    const verdict = assess(
      report({
        'some-lib': { severity: 'high', via: [{ title: 'Prototype pollution' }], fixAvailable: true },
        'old-dep': { severity: 'critical', via: ['inner'], fixAvailable: { name: 'parent', isSemVerMajor: true } },
        inner: { severity: 'critical', via: [{ title: 'RCE in parser' }], fixAvailable: false },
      }),
    );
    expect(verdict.fail).toBe(false);
    expect(verdict.lines).toEqual([
      'ci: npm audit: 3 vulnerable production package(s): 2 critical, 1 high, 0 moderate, 0 low, 0 info',
      '  high     some-lib: Prototype pollution (fix: npm audit fix)',
      '  critical old-dep: via inner (fix: major upgrade)',
      '  critical inner: RCE in parser (no fix yet)',
    ]);
  });

  it('GIVEN a critical finding that npm audit fix resolves THEN CI fails naming it', () => {
    const verdict = assess(report({ 'bad-lib': { severity: 'critical', via: [{ title: 'RCE' }], fixAvailable: true } }));
    expect(verdict.fail).toBe(true);
    expect(verdict.lines.at(-1)).toBe('ci: failing: critical advisories with a compatible fix (run npm audit fix): bad-lib');
  });
});
