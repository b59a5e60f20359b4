// PM014: references to AI tools in a report, for profiles that forbid them (seed 004).
import { range } from '../markdown/position';
import { proseLines } from './prose';
import type { Rule, RuleReport } from './types';

/**
 * AI tool names; case-insensitive. Names that are also first names or words (Claude, Devin,
 * Cursor) count only in an unambiguous form ("Claude Code", "Cursor AI").
 */
const AI_TOOLS =
  /\b(?:chatgpt|gpt-?[345](?:\.\d)?o?|openai|claude[ -](?:code|ai|sonnet|opus|haiku|\d)|anthropic|(?:github )?copilot|gemini (?:pro|ultra|flash|\d)|google gemini|bard|llama ?\d|mistral ai|cursor ai|windsurf|perplexity|ai[ -](?:assistant|agent|tool|chatbot)s?|ai-generated|generated (?:by|with) (?:an? )?ai|large language models?|llms?)\b/gi;

/** AI_TOOLS without the global flag, to test a line. */
const AI_TOOL = new RegExp(AI_TOOLS.source, 'i');

export const PM014: Rule = {
  id: 'PM014',
  name: 'ai-reference',
  title: 'The report mentions an AI tool (for profiles that forbid it)',
  defaultSeverity: 'error',
  kinds: ['postmortem', 'runbook', 'incident'],
  check(context) {
    const reports: RuleReport[] = [];
    proseLines(context.doc).forEach((text, line) => {
      // matchAll copies the pattern: only for the rare line that has a match.
      if (!AI_TOOL.test(text)) return;
      for (const m of text.matchAll(AI_TOOLS)) {
        const start = m.index ?? 0;
        reports.push({
          message: `"${m[0]}" refers to an AI tool; the ${context.profile.name} profile keeps reports free of AI tool references.`,
          range: range(line, start, line, start + m[0].length),
        });
      }
    });
    return reports;
  },
};
