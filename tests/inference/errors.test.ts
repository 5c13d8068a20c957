/**
 * Issue 13 row 14: a missing model's message went to every member with the server's absolute paths in it.
 * Members get the model and what an admin runs; the paths go to the worker's log.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { ModelRuntime } from '../../src/inference/runtime.ts';
import { PROJECT_ROOT } from '../../src/config/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kotodama-models-'));
// A model folder with its config and tokenizer but no ONNX weights: the load fails on a file inside `dir`.
const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/models/tiny-random-bert');
for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
  cpSync(path.join(fixture, file), path.join(dir, 'half-bert', file));
}
const logs: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
const runtime = new ModelRuntime({
  models: { dir, allowRemote: false, threads: 1, spinning: false, remoteHost: 'https://huggingface.co/' },
  logger,
});

afterAll(async () => {
  await runtime.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(model: string): Promise<UserError> {
  const error = await runtime.load({ task: 'feature-extraction', model, dtype: 'fp32', device: 'cpu' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('missing model messages', () => {
  it('GIVEN a model whose weights are missing THEN members read the model and the command, never a server path', async () => {
    const error = await refusal('half-bert');
    expect(error.code).toBe('model_missing');
    expect(error.message).toMatch(/half-bert.*npm run models -- download/u);
    expect(error.message).not.toContain(dir);
    expect(error.message).not.toMatch(/\/(tmp|srv|home|app|work)\//u);
  });

  it('GIVEN a missing model THEN the log has the full detail: the models folder and the missing file', async () => {
    logs.length = 0;
    await refusal('half-bert');
    const line = logs.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.msg === 'model not available');
    expect(line).toMatchObject({ model: 'half-bert', modelsDir: dir });
    expect(String(line?.detail)).toContain(path.join(dir, 'half-bert'));
  });

  it('GIVEN a model configured by absolute path THEN members see only its folder name', async () => {
    const error = await refusal(path.join(dir, 'nowhere', 'secret-model'));
    expect(error.message).toContain('secret-model');
    expect(error.message).not.toContain(dir);
  });
});
