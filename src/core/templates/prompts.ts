// What each section of a new document asks the author to write, by section id: template text kept as data.

/**
 * The prompt under a section heading; `<...>` marks a blank the linter reports until it is filled.
 * A section whose profile lists its questions or its checklist gets those instead (see `renderDocument`).
 */
export const SECTION_PROMPTS: Readonly<Record<string, string>> = {
  summary: '<One paragraph: what happened, who was affected, for how long.>',
  impact: '<Who and what was affected: users, tenants, requests (%), data, SLO and revenue impact.>',
  detection: '<How the incident was detected (alert, user report) and how long after it started.>',
  mitigation: '<The steps taken to stop the impact, in order.>',
  resolution: '<How service was restored and what was done to keep it stable.>',
  trigger: '<The event that set the failure off.>',
  'root-cause': '<A specific, falsifiable statement: which change or condition failed, and how it caused the outage.>',
  'root-causes': '<A specific, falsifiable statement: which change or condition failed, and how it caused the outage.>',
  'contributing-factors':
    '- <A condition that let the failure reach production (missing test, missing alert, no canary).>',
  'went-well': '- <Something that helped: fast detection, a clean rollback.>',
  'went-poorly': '- <Something that made it worse: slow detection, an unclear runbook.>',
  'went-wrong': '- <Something that made it worse: slow detection, an unclear runbook.>',
  'could-be-improved': '- <Something to do better next time.>',
  'got-lucky': '- <Something that helped by chance.>',
  'lessons-learned': '- <A lesson the team takes from this incident.>',
  containment: '<The containment decision: what was isolated or rolled back, and why that choice.>',
  evidence: '- <Error messages, graphs, log lines and the commands that produced them.>',
  symptoms: '<What the on-call engineer sees: the alert name, dashboards, error messages.>',
  diagnosis: '<The exact commands or queries to run to confirm the failure mode (add them as a code block).>',
  escalation: '<Who to page next, after how long, and how to reach them.>',
  verification: '<The check that proves recovery: the metric, its healthy value, and how long to watch it.>',
  boundary: '<What is affected now and what is known to be safe.>',
  communication:
    'Internal updates in <channel> every <minutes> minutes, sent by the Communications Lead; the Incident Commander owns decisions. Customers are told <when and where, if at all>.',
  'response-team': '- Incident Commander: <name>\n- Technical Responder: <name>\n- Communications Lead: <name>',
  'open-questions': '- <A question the team still has to answer.>',
  handoff: '<What the next shift needs to know.>',
  'supporting-information': '<Links to dashboards, logs and related tickets.>',
  triage:
    '<Answers to the triage questions: what is broken, since when, who is affected, what changed, can it be mitigated now.>',
  'status-updates':
    '<Status updates sent, newest last (Incident: Copy Status Update writes the next one from this record).>',
  fix: '<The fix: the change, how it was tested, how it was deployed.>',
};

/** The prompt for a section id without its own (a profile's custom section). */
export function promptFor(id: string, title: string): string {
  return SECTION_PROMPTS[id] ?? `<Write the ${title.toLowerCase()} here.>`;
}

/** Prompts under the runbook steps ask for commands, which RB002 checks for. */
export const RUNBOOK_COMMAND_PROMPT = '<Add the exact command or query here, as a code block.>';
