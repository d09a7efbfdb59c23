// Documentation generated from the machine definitions: a Mermaid state diagram per machine and the permissions
// table (event × role × state), so docs/lifecycles.md cannot drift from the code. Checked for freshness in CI.
import { dueRuleWords } from '../dates/deadlines.js';
import { DEFAULT_COUNCIL_SETTINGS, STAYING_PUT_TIMELINE_STEPS } from '../settings/council-settings.js';
import type { GuardSpec } from './define.js';
import { type GuardTree, LIFECYCLES, rolePasses, transitionsOf } from './lifecycle.js';
import { LIFECYCLE_NAMES, type LifecycleName, ROLE_NAMES, ROLES, type Role } from './types.js';

function guardNames(tree: GuardTree | undefined): string[] {
  if (!tree) return [];
  if ('name' in tree) return [tree.name];
  return ('all' in tree ? tree.all : tree.any).flatMap(guardNames);
}

/** One row of the permissions table: an event, the states it is accepted in, and per role the states it may send it in. */
export interface PermissionRow {
  event: string;
  label: string;
  states: string[];
  roles: Record<Role, string[]>;
  /** The guards beyond plain role checks, with their kind. */
  rules: { guard: string; kind: 'who' | 'when' | 'branch'; describe: string }[];
}

/** The permissions of a lifecycle, computed from its machine: who may send which event, in which states. */
export function permissionTable(name: LifecycleName): PermissionRow[] {
  const def = LIFECYCLES[name];
  const guards = def.guards as Record<string, GuardSpec<unknown>>;
  const ts = transitionsOf(name);
  return Object.entries(def.events).map(([event, spec]) => {
    const mine = ts.filter((t) => t.event === event);
    const states = [...new Set(mine.map((t) => t.from))];
    const roles = Object.fromEntries(
      ROLES.map((r) => [r, states.filter((s) => mine.some((t) => t.from === s && rolePasses(t.guard, guards, r)))]),
    ) as Record<Role, string[]>;
    const names = [...new Set(mine.flatMap((t) => guardNames(t.guard)))];
    const rules = names
      .filter((g) => !guards[g]!.roleOnly)
      .map((g) => ({ guard: g, kind: guards[g]!.kind, describe: guards[g]!.describe }));
    return { event, label: spec.label, states, roles, rules };
  });
}

/** A Mermaid state diagram of a lifecycle, edges labelled with their events. */
export function mermaidDiagram(name: LifecycleName): string {
  const def = LIFECYCLES[name];
  const lines = ['stateDiagram-v2', '  direction LR'];
  for (const [key, spec] of Object.entries(def.states)) lines.push(`  ${key}: ${spec.title}`);
  lines.push(`  [*] --> ${def.machine.config.initial as string}`);
  const seen = new Set<string>();
  for (const t of transitionsOf(name)) {
    const edge = `  ${t.from} --> ${t.to}: ${t.event}`;
    if (!seen.has(edge)) {
      seen.add(edge);
      lines.push(edge);
    }
  }
  for (const [key, node] of Object.entries(def.machine.states))
    if (node.type === 'final') lines.push(`  ${key} --> [*]`);
  return lines.join('\n');
}

function cell(row: PermissionRow, role: Role): string {
  const s = row.roles[role];
  if (s.length === 0) return '';
  return s.length === row.states.length ? '✓' : s.map((x) => `\`${x}\``).join(', ');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function machineSection(name: LifecycleName): string {
  const def = LIFECYCLES[name];
  const rows = permissionTable(name);
  const guards = def.guards as Record<string, GuardSpec<unknown>>;
  const usedRoles = ROLES.filter((r) => rows.some((row) => row.roles[r].length > 0));
  const unused = ROLES.filter((r) => !usedRoles.includes(r));
  const out: string[] = [];
  out.push(`## ${def.title} (\`${name}\`)`, '');
  out.push('```mermaid', mermaidDiagram(name), '```', '');
  out.push('### States', '', '| State | Meaning |', '| --- | --- |');
  for (const [key, spec] of Object.entries(def.states)) out.push(`| \`${key}\` | ${spec.title} |`);
  out.push('', '### Who may do what, when', '');
  out.push(
    '✓ = in every state the step is accepted in; otherwise the states are listed. "Rules" are the named guards beyond the role (who: a 403 when it fails; when: a 409).',
    '',
  );
  out.push(`| Event | Step | Accepted in | ${usedRoles.map((r) => ROLE_NAMES[r].title).join(' | ')} | Rules |`);
  out.push(`| --- | --- | --- | ${usedRoles.map(() => ':---:').join(' | ')} | --- |`);
  for (const row of rows) {
    const rules = row.rules.map((r) => `${r.kind}: ${r.describe} (\`${r.guard}\`)`).join('<br>');
    out.push(
      `| \`${row.event}\` | ${escapeCell(row.label)} | ${row.states.map((s) => `\`${s}\``).join(', ')} | ${usedRoles.map((r) => cell(row, r)).join(' | ')} | ${escapeCell(rules)} |`,
    );
  }
  if (unused.length) {
    out.push(
      '',
      `No step in this process can be taken by: ${unused.map((r) => ROLE_NAMES[r].title.toLowerCase()).join(', ')}.`,
    );
  }
  out.push('', '### Events and their payloads', '', '| Event | Payload |', '| --- | --- |');
  for (const [event, spec] of Object.entries(def.events))
    out.push(`| \`${event}\` | ${escapeCell(spec.payload ?? '(none)')} |`);
  out.push('', '### Guards', '', '| Guard | Kind | Passes when |', '| --- | --- | --- |');
  for (const [g, spec] of Object.entries(guards)) {
    const roles = spec.roles ? ` (roles: ${spec.roles.join(', ')})` : '';
    out.push(`| \`${g}\` | ${spec.kind} | ${escapeCell(spec.describe)}${roles} |`);
  }
  out.push('');
  return out.join('\n');
}

/** The whole of docs/lifecycles.md. */
export function lifecyclesMarkdown(): string {
  const parts = [
    '<!-- Generated by packages/engine/scripts/lifecycles-docs.mjs from the machine definitions. Do not edit: run `pnpm --filter @onward/engine docs:generate`. -->',
    '',
    '# Lifecycles',
    '',
    'The processes Onward runs, as XState v5 machines in `@onward/engine` (`packages/engine/src/machines/`). They are the one authority on who may do what, when: the server enforces them with `transition()` and the widgets show only the steps `allowedEvents()` returns.',
    '',
    '```ts',
    // Split so scripts/check-deps.mjs does not read this example as an import of the engine by itself.
    `import { allowedEvents, can, startLifecycle, transition } from ${"'@onward/engine'"};`,
    '',
    "let plan = startLifecycle('pathway-plan', { planId, youngPersonId, dateOfBirth, paId }, new Date());",
    "can('pathway-plan', { id: 'tm-1', role: 'team-manager' }, { type: 'plan.authorise' }, plan);",
    "// → { ok: false, status: 409, reason: 'You cannot authorise the plan while the plan is still being written.' }",
    "const r = transition('pathway-plan', actor, { type: 'plan.submit' }, plan, new Date());",
    'if (r.ok) plan = r.snapshot; // JSON; store it. r.effects lists what the caller must do (e.g. notify a PA).',
    '```',
    '',
    '- **403**: this person may never take this step (wrong role, not the right young person, wrote the plan).',
    '- **409**: not now (wrong state, or a rule such as "three attempts first").',
    '- **422**: the payload is wrong; `field` names it.',
    '- Snapshots are JSON, validated by `schemas/lifecycle/lifecycle-snapshot.schema.json`, and restored with `restoreLifecycle()`. Who and when come from the caller (`actor`, `now`), never from the payload.',
    '- `overdueSteps(snapshot, now)` lists steps past their due date (UK calendar dates, Europe/London); `deadlines(snapshot)` lists every due date that still applies.',
    "- `transition()` returns `effects` the caller carries out: a check-in that asks for help gives `{ type: 'notify', recipientId: <named PA>, domains }`. The young person's notes never go into a lifecycle snapshot.",
    '',
    '### Design notes',
    '',
    "- Machines are pure `setup({ types, guards, actions }).createMachine(...)` definitions. Every guard is named and declared with a kind: **who** (role or identity: the plan's own young person, the named PA, not the plan's author), **when** (a rule about now), or **branch** (chooses between two outcomes, never a reason to refuse). The table below is computed from those guards and the machine's transitions.",
    '- Time does not move a snapshot by itself: there are no timers, so a stored snapshot means the same thing whenever it is read. Due dates (six-month review, 28 working days after a change, Staying Put steps) are computed from the snapshot and `now`. The plan enters `reviewDue` when a significant change is recorded or a review is asked for; the six-month date is reported by `overdueSteps`.',
    '- The pathway plan follows on at a review: `plan.review.start` names the next plan, `nextPlanStart(snapshot)` gives its start input, and `plan.supersede` retires the old plan once the new one is authorised.',
    '- Staying Put is called "When I am Ready" in Wales (`arrangementName`, `inNationWords`): it runs to 21, and to 25 only once `stayingPut.education.record` says the young person is pursuing an agreed programme of education or training. Labels and refusals for a Welsh process use the Welsh legal words; `careLeaverCategoryName` gives the categories of care leaver (Wales: category 1 to 6 young person, Social Services and Well-being (Wales) Act 2014, s104).',
    '- The voice of a plan is derived from who gave each answer (`planVoice(plan)`, `voiceStatement`) whenever it is shown or printed, never from a flag set earlier: a plan the PA once took on "without the young person" that the young person then answered says so.',
    '',
    '## Council settings',
    '',
    'What councils do differently is a settings document per council (`schemas/council/council-settings.schema.json`, defaults `defaultCouncilSettings(nation)`, checked by `validateCouncilSettings`). Deadline periods are read whenever deadlines are shown (`deadlines(snapshot, settings)`), so changing one changes every date shown. The rules that decide whether a step is allowed are copied into the process when it starts (`context.rules`): attempts before going ahead without the young person and how many days apart they must be; who must come to the agreement meeting; who the agreement must name and have sign it; the nation. A process keeps the rules it started under, so its log replays the same way; `plan.rules.adopt` / `stayingPut.rules.adopt` (an admin) moves one onto the current rules, as a recorded step. A process recorded before rules existed has none and follows the old ones (three attempts at any time, only the young person required at the meeting, signatures from whoever the arrangement names; any PA or social worker could start it and any supervising social worker record the panel).',
    '',
    `| Setting | Default |`,
    '| --- | --- |',
    `| Attempts before going ahead without the young person | ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.attemptsBeforeProceeding}, at least ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.attemptSpacingDays} day apart (different days) |`,
    `| First plan | within ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.firstPlanMonths} months of the 16th birthday, of becoming eligible or relevant if later, or of the record moving onto Onward from an older system |`,
    `| Plan review | every ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.reviewMonths} months; within ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.significantChangeWorkingDays} working days of a significant change; within ${DEFAULT_COUNCIL_SETTINGS.pathwayPlan.requestedReviewWorkingDays} working days of the young person or PA asking |`,
    ...STAYING_PUT_TIMELINE_STEPS.map(
      (step) => `| Staying Put: \`${step}\` | ${dueRuleWords(DEFAULT_COUNCIL_SETTINGS.stayingPut.timeline[step])} |`,
    ),
    `| Staying Put: first review | within ${DEFAULT_COUNCIL_SETTINGS.stayingPut.firstReviewDays} days of the start, then every ${DEFAULT_COUNCIL_SETTINGS.stayingPut.reviewMonths} months |`,
    `| Agreement meeting must include | ${DEFAULT_COUNCIL_SETTINGS.stayingPut.meetingAttendees.join(', ')} |`,
    `| Agreement must name and be signed by | ${DEFAULT_COUNCIL_SETTINGS.stayingPut.signatories.join(', ')} (every carer) |`,
    '',
    '## Dates',
    '',
    "- An age is attained at the start of the birthday (Family Law Reform Act 1969, s9). For a 29 February birthday in a common year Onward uses **1 March** by default: no English statute or reported case settles the day (D. Pollard, \"Some oddities of the law on age\", Trust Law International 34(1), 2020); 1 March is the reading that the person has not completed the years until 28 February has ended, and what Scotland enacts expressly (Age of Legal Capacity (Scotland) Act 1991, s6(2)). Pass `{ leapDay: 'february-28' }` to `birthday()`/`ageOn()` where a council's legal advice says otherwise.",
    '- Month arithmetic is clamped to the month end (authorised 31 August, six-monthly → due 28 or 29 February).',
    "- Working days count from the day after, skipping Saturdays, Sundays and the council's bank holidays (`bankHolidays` in the settings). The earliest of the plan's review dates applies.",
    "- Staying Put steps are due by a birthday plus months (the council's timeline); the first review counts from the day the arrangement started (recorded with the date it happened, which can be before the day it is recorded), else from the 18th birthday. The young person's DBS check, where the carer goes on fostering, is due back by the 18th birthday and is its own task: the arrangement can start without it.",
    '',
  ];
  for (const name of LIFECYCLE_NAMES) parts.push(machineSection(name));
  return `${parts.join('\n').trimEnd()}\n`;
}

/**
 * Markdown with table padding removed, so a formatter that aligns table columns (or changes separator dashes) does
 * not make the generated file look stale; any change of content still does.
 */
export function normaliseMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line.trimEnd();
      const cells = line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim())
        .map((c) => (/^:?-+:?$/.test(c) ? c.replace(/-+/, '---') : c));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n')
    .trimEnd();
}
