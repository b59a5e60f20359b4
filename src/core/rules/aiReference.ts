// PM014: references to AI tools in a report, for profiles that forbid them (seed 004).
import { range } from '../markdown/position';
import { proseLines } from './prose';
import type { Rule, RuleReport } from './types';

const AI_TOOLS = /\b(?:ChatGPT|GPT-?[345](?:\.\d)?o?|OpenAI|Claude(?: Code)?|Anthropic|Copilot|Gemini|Bard|LLaMA|Llama ?\d|Mistral AI|Codex|Cursor AI|Windsurf|Devin|Perplexity|AI assistant|AI agent|AI-generated|generated (?:by|with) (?:an? )?AI|large language model|LLM)\b/g;

export const PM014: Rule = {
  id: 'PM014',
  name: 'ai-reference',
  title: 'The report mentions an AI tool (for profiles that forbid it)',
  defaultSeverity: 'error',
  kinds: ['postmortem', 'runbook', 'incident'],
  check(context) {
    const reports: RuleReport[] = [];
    proseLines(context.doc).forEach((text, line) => {
      for (const m of text.matchAll(AI_TOOLS)) {
        const start = m.index ?? 0;
        reports.push({ message: `"${m[0]}" refers to an AI tool; the ${context.profile.name} profile keeps reports free of AI tool references.`, range: range(line, start, line, start + m[0].length) });
      }
    });
    return reports;
  },
};
