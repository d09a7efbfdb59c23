// In-page half of the widget benchmark (a classic script, loaded first on every page so every contender pays the
// same). It times in the page itself, so no round trip to the driving process is counted:
//  - `until(cond)` checks a condition between tasks (a MessageChannel loop) and resolves with the time it held;
//  - every step that changes the page waits for its result, lets one more task run (frameworks that render
//    after the event get that chance), then forces style and layout, so the figure covers script, style and layout.
// Each contender has an adapter: where its section, its answers and its conditional control are. Adapters only
// find elements and click them, the way a person would; none of them reaches into a library's internals.
(() => {
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => {
    const fn = waiting.shift();
    if (fn) fn();
  };
  const task = () =>
    new Promise((ok) => {
      waiting.push(ok);
      channel.port2.postMessage(0);
    });
  async function until(cond, timeoutMs = 60000) {
    const start = performance.now();
    for (;;) {
      if (cond()) return performance.now();
      if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${cond}`);
      await task();
    }
  }
  const layout = () => document.body.getBoundingClientRect().height;
  // Once a frame: cheap enough not to add to the CPU time measured while the page loads.
  async function untilFrame(cond, timeoutMs = 120000) {
    const start = performance.now();
    for (;;) {
      if (cond()) return performance.now();
      if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${cond}`);
      await new Promise((ok) => requestAnimationFrame(ok));
    }
  }

  const longTasks = [];
  const longTaskAt = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTasks.push(e.duration);
        longTaskAt.push([Math.round(e.startTime), Math.round(e.duration)]);
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const data = () => window.BENCH_DATA;
  const deep = (root, sel) => root?.querySelectorAll(sel) ?? [];

  // --- adapters -------------------------------------------------------------------------------------------
  // Each: root(), sectionReady(i), showSection(i), radio(q, value) → input, ready(q) after answering,
  // and the conditional control: reveal(q) / hide(q) return [action, condition].
  const byText = (root, sel, text) => [...deep(root, sel)].find((e) => e.textContent.trim() === text);
  const legendsAre = (root, sel, i) => {
    const qs = data().domains[i].questions;
    const ls = deep(root, sel);
    return (
      ls.length >= qs.length &&
      ls[0].textContent.includes(qs[0].text) &&
      ls[qs.length - 1].textContent.includes(qs[qs.length - 1].text)
    );
  };
  // Onward and the floor share markup (the floor copies the widget's), so one adapter serves both.
  const onwardLike = (rootOf) => ({
    root: rootOf,
    paged: true,
    sectionReady: (i) =>
      legendsAre(rootOf(), 'fieldset.o-card > legend', i) &&
      deep(rootOf(), 'fieldset.o-card input[type=radio]').length >= data().domains[i].questions.length * 3,
    showSection: (i) => {
      const b = byText(rootOf(), '.o-nav button', data().ui.next);
      if (!b) throw new Error(`no next button before section ${i}`);
      b.click();
    },
    card: (q) => [...deep(rootOf(), 'fieldset.o-card')].find((f) => f.querySelector('legend').textContent === q.text),
    radio(q, v) {
      return this.card(q).querySelector(`input[type=radio][value="${v}"]`);
    },
    clearButton(q) {
      return byText(this.card(q), 'button', data().ui.clear);
    },
    // The conditional control: "Clear answer" is there only while the question has an answer.
    hide(q) {
      return [() => this.clearButton(q).click(), () => !this.clearButton(q) && !this.radio(q, 'yes').checked];
    },
    reveal(q) {
      return [() => this.radio(q, 'yes').click(), () => Boolean(this.clearButton(q)) && this.radio(q, 'yes').checked];
    },
  });
  const adapters = {
    onward: onwardLike(() => document.querySelector('onward-checklist')?.shadowRoot),
    floor: onwardLike(() => document.querySelector('#app')),
  };
  // Peers add their adapters to this object from their own pages (window.BENCH_ADAPTERS).
  const adapter = () => window.BENCH_ADAPTERS?.[window.BENCH_CONTENDER] ?? adapters[window.BENCH_CONTENDER];

  async function step(action, cond) {
    const t = performance.now();
    action();
    await until(cond);
    await task();
    layout();
    return performance.now() - t;
  }

  // Started at once, so that the first section is timed however early it appears.
  const first = untilFrame(() => Boolean(adapter()?.sectionReady(0))).then(() => {
    layout();
    return performance.now();
  });
  window.bench = {
    task,
    until,
    longTasks,
    longTaskAt,
    /** ms from navigation start until the first section's questions are in the page, laid out. */
    firstSection: () => first,
    /** ms from navigation start until every section has been on screen (stepping through them where paged). */
    async allSections() {
      const a = adapter();
      const n = data().domains.length;
      for (let i = 1; i < n && a.paged; i++)
        await step(
          () => a.showSection(i),
          () => a.sectionReady(i),
        );
      if (!a.paged) await until(() => a.sectionReady(n - 1));
      layout();
      return performance.now();
    },
    /** Back to the first section (untimed). */
    async back() {
      const a = adapter();
      if (a.paged && a.toSection) await a.toSection(0);
    },
    /** Answer every question "yes", one at a time, each waiting for its result; total ms and the slowest one. */
    async answerAll() {
      const a = adapter();
      let total = 0;
      let worst = 0;
      const d = data().domains;
      for (let i = 0; i < d.length; i++) {
        if (a.paged) await a.toSection(i);
        for (const q of d[i].questions) {
          const ms = await step(
            () => a.radio(q, 'yes').click(),
            () => a.radio(q, 'yes').checked && a.answered(q),
          );
          total += ms;
          worst = Math.max(worst, ms);
        }
      }
      return { total, worst };
    },
    /** Hide then reveal the conditional control of each question of the first section; every time in ms. */
    async revealHide() {
      const a = adapter();
      if (a.paged) await a.toSection(0);
      const reveal = [];
      const hide = [];
      for (const q of data().domains[0].questions) {
        hide.push(await step(...a.hide(q)));
        reveal.push(await step(...a.reveal(q)));
      }
      return { reveal, hide };
    },
  };
  // Shared by the adapters: go to section i from wherever we are, waiting for it.
  for (const a of Object.values(adapters)) {
    // Answered once the widget has drawn the result: the "Clear answer" control is there.
    a.answered = (q) => Boolean(a.clearButton(q));
    a.toSection = async (i) => {
      const b = [...deep(a.root(), '.o-tasks button')][i];
      b.click();
      await until(() => a.sectionReady(i));
    };
  }
  window.BENCH_HELPERS = { deep, byText, legendsAre, until, task };
})();
