// @vitest-environment node
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
// The layering rules are syntactic: lint snippets without type information.
const eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('layering lint rules (STYLE.md)', () => {
  it('keeps src-shared free of Node, Electron, DOM libraries and the other layers', async () => {
    for (const source of ['node:fs', 'fs', 'path', 'electron', '../../src-main/x.js', '../../src-renderer/x.js', 'react']) {
      expect(await restricted('src-shared/project/fake.ts', `import x from '${source}';\nexport default x;\n`), source).not.toEqual([]);
    }
    expect(await restricted('src-shared/project/fake.ts', "import { z } from 'zod';\nimport { ok } from '../util/result.js';\nexport default [z, ok];\n")).toEqual([]);
  });

  it('forbids src-main and src-renderer from importing each other', async () => {
    expect(await restricted('src-renderer/Fake.tsx', "import x from '../src-main/project/project-service.js';\nexport default x;\n")).not.toEqual([]);
    expect(await restricted('src-renderer/Fake.tsx', "import x from 'node:fs';\nexport default x;\n")).not.toEqual([]);
    expect(await restricted('src-main/project/fake.ts', "import x from '../../src-renderer/App.js';\nexport default x;\n")).not.toEqual([]);
  });

  it('lets only the session module load onnxruntime-node and only the media module spawn processes', async () => {
    const ort = "import * as ort from 'onnxruntime-node';\nexport default ort;\n";
    expect(await restricted('src-main/project/fake.ts', ort)).not.toEqual([]);
    expect(await restricted('src-main/onnx-runtime/fake.ts', ort)).toEqual([]);
    const spawn = "import { spawn } from 'node:child_process';\nexport default spawn;\n";
    expect(await restricted('src-main/project/fake.ts', spawn)).not.toEqual([]);
    expect(await restricted('src-main/media/fake.ts', spawn)).toEqual([]);
  });
});
