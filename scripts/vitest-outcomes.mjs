// The error's message, then its stack (vitest gives a timeout's stack as a bare placeholder, "STACK_TRACE_ERROR").
const text = (e, fallback) => {
  const message = e?.message === undefined ? '' : String(e.message);
  const stack = e?.stack === undefined ? '' : String(e.stack);
  if (!message && !stack) return String(e ?? fallback);
  return stack.includes(message) ? stack : `${message}\n${stack.replace(/^(Error: )?STACK_TRACE_ERROR\n?/, '')}`;
};
const head = (e, fallback) =>
  text(e, fallback)
    .split('\n')
    .filter((line) => !line.includes('node_modules'))
    .slice(0, 12)
    .join('\n');

// A vitest reporter for `pnpm test`'s summary: it writes the tests that failed (with the start of their error) and
// the tests that passed only on a retry to .test-outcomes.json, so the summary at the end of a long CI log names
// them instead of only counting them.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export default class Outcomes {
  failed = [];
  flaky = [];
  onInit(vitest) {
    this.root = vitest.config.root;
  }
  onTestCaseResult(test) {
    const file = relative(this.root ?? process.cwd(), test.module.moduleId);
    const name = `${file} › ${test.fullName}`;
    const result = test.result();
    const diagnostic = test.diagnostic();
    if (result.state === 'failed') {
      this.failed.push({ name, message: head((result.errors ?? [])[0], 'no error message') });
    } else if (result.state === 'passed' && diagnostic?.flaky) {
      // vitest keeps the failed attempts' errors on a test that passed on a retry: the first says why it failed.
      const first = (result.errors ?? [])[0];
      this.flaky.push({ name, retries: diagnostic.retryCount, message: first ? head(first, '') : '' });
    }
  }
  onTestModuleCollected() {}
  onTestRunEnd(modules, errors) {
    const unhandled = (errors ?? []).map((e) => head(e, e));
    // A file that fails before any test runs (an import error, a hook that throws) has no test case result.
    const files = [];
    for (const m of modules ?? []) {
      if (m.state?.() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) {
        files.push({
          name: relative(this.root ?? process.cwd(), m.moduleId),
          message: head((m.errors?.() ?? [])[0], 'the file failed'),
        });
      }
    }
    writeFileSync('.test-outcomes.json', JSON.stringify({ failed: this.failed, flaky: this.flaky, files, unhandled }));
  }
}
