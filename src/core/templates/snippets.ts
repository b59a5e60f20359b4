// Markdown snippets for incident documents, generated from the profiles and templates so they never disagree with them.
import { fieldOfColumn } from '../postmortem/actionItems';
import { BUILT_IN_PROFILES } from '../profiles';
import type { Profile } from '../profiles/types';
import { promptFor } from './prompts';

/** One VS Code snippet. */
export interface Snippet {
  readonly prefix: string | string[];
  readonly body: string[];
  readonly description: string;
}

/** Escapes text for a snippet body (`$`, `}` and `\` are special). */
function esc(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function sectionsSnippet(profile: Profile): Snippet {
  const spec = profile.documents.postmortem;
  const body: string[] = [];
  let n = 1;
  for (const section of spec?.sections ?? []) {
    body.push(
      `## ${section.title}`,
      '',
      `\${${n++}:${esc(promptFor(section.id, section.title).replace(/^<|>$/g, ''))}}`,
      '',
    );
  }
  return {
    prefix: [`postmortem-sections-${profile.name}`, 'pm-sections'],
    body,
    description: `Every postmortem section of the ${profile.name} profile, in order.`,
  };
}

function actionItemRow(profile: Profile): Snippet {
  const columns = profile.actionItems.requiredColumns.some((c) => fieldOfColumn(c) === 'action')
    ? profile.actionItems.requiredColumns
    : ['Action', ...profile.actionItems.requiredColumns];
  const cells = columns.map((c, i) =>
    fieldOfColumn(c) === 'due'
      ? `\${${i + 1}:\${CURRENT_YEAR}-\${CURRENT_MONTH}-\${CURRENT_DATE}}`
      : `\${${i + 1}:${esc(c.toLowerCase())}}`,
  );
  return {
    prefix: [`action-item-row-${profile.name}`],
    body: [`| ${cells.join(' | ')} |`],
    description: `An action item row for the ${profile.name} profile's table (${columns.join(', ')}).`,
  };
}

/** The snippets file contributed for Markdown, as an object keyed by snippet name. */
export function markdownSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {
    'Timeline row': {
      prefix: ['timeline-row', 'tl'],
      body: ['| ${1:${CURRENT_HOUR}:${CURRENT_MINUTE}} | ${2:event} |'],
      description: 'A timeline table row with the current time.',
    },
    'Timeline item': {
      prefix: ['timeline-item'],
      body: ['- ${1:${CURRENT_HOUR}:${CURRENT_MINUTE}} UTC — ${2:event}'],
      description: 'A timeline list item with the current time.',
    },
    'Action item (list)': {
      prefix: ['action-item'],
      body: [
        '- [${1|P0,P1,P2|}] ${2:action} (owner: ${3:@team}, due: ${4:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}})',
      ],
      description: 'An action item as a list entry with priority, owner and due date.',
    },
    '5 Whys': {
      prefix: ['five-whys', '5whys'],
      body: [
        '1. Why ${1:did users see the failure}? Because ${2:...}.',
        '2. Why ${3:...}? Because ${4:...}.',
        '3. Why ${5:...}? Because ${6:...}.',
        '4. Why ${7:...}? Because ${8:...}.',
        '5. Why ${9:...}? Because ${10:...}.',
      ],
      description: 'A 5 Whys ladder.',
    },
    'Status update': {
      prefix: ['status-update'],
      body: [
        'INCIDENT UPDATE — ${1:${CURRENT_HOUR}:${CURRENT_MINUTE}} UTC',
        'Status: ${2|Investigating,Identified,Fixing,Resolved|}',
        'Impact: ${3:what users are experiencing}',
        'Current action: ${4:what is being done now}',
        'ETA: ${5:Investigating}',
        'Next update: ${6:time of the next update}',
      ],
      description: 'An INCIDENT UPDATE status message.',
    },
    'Disable a rule for the next line': {
      prefix: ['iw-disable'],
      body: ['<!-- incident-workbench-disable-next-line ${1:PM013} -->'],
      description: 'Silences one Incident Workbench rule on the next line.',
    },
  };
  for (const profile of BUILT_IN_PROFILES) {
    out[`Postmortem sections (${profile.name})`] = sectionsSnippet(profile);
    out[`Action item row (${profile.name})`] = actionItemRow(profile);
  }
  return out;
}
