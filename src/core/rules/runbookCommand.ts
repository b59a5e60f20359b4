// RB002: a runbook whose diagnosis and mitigation steps hold no concrete command or query.
import type { Rule } from './types';
import { documentAnchor, incident } from './util';
import { sectionById } from '../postmortem/model';

/** Section ids whose steps should carry commands. */
const STEP_SECTIONS = ['diagnosis', 'mitigation'];

export const RB002: Rule = {
  id: 'RB002',
  name: 'runbook-command',
  title: 'A runbook has no concrete command or query in its diagnosis or mitigation steps',
  defaultSeverity: 'warning',
  kinds: ['runbook'],
  check(context) {
    const model = incident(context);
    const sections = STEP_SECTIONS.map((id) => sectionById(model, id)).filter((s) => s !== undefined);
    if (sections.length === 0) return []; // RB001 reports the missing sections.
    const { doc } = context;
    const inAny = (line: number) => sections.some((s) => line >= s.bodyStartLine && line < s.endLine);
    const hasCommand =
      doc.codeBlocks.some((b) => inAny(b.startLine) && b.content.trim().length > 0) ||
      // Inline code is a command when it has arguments or shell syntax: `kubectl get pods`, not `user-service`.
      doc.inlineCode.some((c) => inAny(c.line) && /\s|[|=()<>$]/.test(c.content.trim()));
    if (hasCommand) return [];
    const names = sections.map((s) => `"${s.heading.text}"`).join(' and ');
    return [
      {
        message: `${names} hold${sections.length === 1 ? 's' : ''} no concrete command or query; add the exact commands to run (a code block or inline code).`,
        range: sections[0]?.heading.range ?? documentAnchor(context),
      },
    ];
  },
};
