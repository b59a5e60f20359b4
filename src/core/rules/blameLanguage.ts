// PM013: a person named as the cause (blameless postmortems, seed 004). Tuned for few false positives.
import { range } from '../markdown/position';
import { proseLines } from './prose';
import type { Rule, RuleReport } from './types';

const HANDLE = String.raw`@[A-Za-z0-9](?:[\w.-]*\w)?`;
/** A capitalised given name, optionally with a family name; common sentence starters are excluded below. */
const NAME = String.raw`[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?`;
const NOT_PEOPLE = new Set(('The This That These Those Our Their Your His Her Its Then When While After Before During Since Because However Also ' +
  'Monitoring Deploy Deployment Alerting Kubernetes Redis Postgres Postgresql Mysql Nginx Datadog Grafana Prometheus Vault Stripe Github Gitlab Jenkins ' +
  'Terraform Docker Linux Windows Amazon Google Azure Cloudflare Someone Nobody Everyone Team Engineering Support Customer Customers Users User ' +
  'Staging Production Release Config Configuration Migration Cron Script Automation Engineers Developers Operators Admins Responders ' +
  'Kafka Elasticsearch Cassandra Mongo Mongodb Consul Envoy Istio Helm Argo Sentry Pagerduty Slack Jira Rails Django Node Java Python ' +
  'They She Somebody Anyone Anybody Everybody Renovate Dependabot Bot Pipeline Job Service System Deployer Canary Release Code Change').split(' '));

/** A change a person makes to production, in the past tense. */
const CHANGE_VERB = String.raw`(?:deployed|pushed|merged|shipped|released|committed|approved|applied|rolled out|ran|changed|edited|modified|updated|upgraded|migrated|restarted|deleted|dropped)`;
/** The safeguard skipped: testing, review, approval, telling someone. */
const SKIPPED_SAFEGUARD = String.raw`(?:(?:any|a|proper|first|adequate|sufficient|enough|code|peer|running|doing|writing|getting|waiting for|the)\s+)*(?:testing|tests?|review(?:ing)?|approval|checking|verif(?:y|ying|ication)|telling|notifying|asking|permission|sign-?off|a canary|canary|staging)`;

/** Each pattern, with `needs`: words its match must contain (a cheap test that skips most lines). */
const PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly needs: RegExp }> = [
  // "caused by @alice", "because of Bob Smith's change" (the change is fine; "'s mistake" is not).
  { pattern: new RegExp(String.raw`\b(?:[Cc]aused|[Tt]riggered|[Bb]roken|[Ss]tarted)\s+by\s+(${HANDLE})`, 'g'), needs: /[Cc]aused|[Tt]riggered|[Bb]roken|[Ss]tarted/ },
  // "error" is left out: "Kafka's error rate" is about a system.
  { pattern: new RegExp(String.raw`(${HANDLE}|\b${NAME})'s\s+(?:mistake|fault|negligence|carelessness|oversight|blunder|screw-?up)`, 'g'), needs: /'s/ },
  {
    pattern: new RegExp(String.raw`(${HANDLE}|\b${NAME})\s+(?:forgot|neglected|carelessly|mistakenly|messed up|screwed up|should have known|was careless|was negligent|didn'?t bother)`, 'g'),
    needs: /forgot|neglected|carelessly|mistakenly|messed up|screwed up|should have known|was careless|was negligent|didn'?t bother/,
  },
  { pattern: new RegExp(String.raw`(${HANDLE})\s+(?:failed to|broke|caused)\b`, 'g'), needs: /failed to|broke|caused/ },
  { pattern: new RegExp(String.raw`\b(?:fault of|blame(?:d)?(?: on)?|human error (?:by|of|from)|mistake (?:by|of))\s+(${HANDLE}|${NAME})`, 'g'), needs: /fault of|blame|human error|mistake/ },
  { pattern: new RegExp(String.raw`(${HANDLE}|\b${NAME})\s+is\s+(?:to blame|responsible for (?:the|this) (?:outage|incident|failure))`, 'g'), needs: /to blame|responsible for/ },
  // "Bob deployed without testing", "@dana merged the change without review" (seed 004's counter-example): a person, a change
  // they made, and the safeguard they skipped. "The job deployed without downtime" names no person and skips no safeguard.
  { pattern: new RegExp(String.raw`(${HANDLE}|\b${NAME})\s+${CHANGE_VERB}\b(?:\s+[\w'./-]+){0,6}?\s+without\s+${SKIPPED_SAFEGUARD}\b`, 'g'), needs: /without/ },
];

/**
 * Every pattern needs a handle (`@`) or one of these words, each starting a word and written
 * in lower case in the patterns; lines without them cannot match.
 */
const MAY_BLAME_WORD = /\b(?:forgot|neglect|careless|mistake|messed|screw|should have known|negligen|bother|fault|blame|human error|oversight|blunder|responsible|without)/;

export const PM013: Rule = {
  id: 'PM013',
  name: 'blame-language',
  title: 'A person is named as the cause (postmortems are blameless)',
  defaultSeverity: 'warning',
  kinds: ['postmortem'],
  check(context) {
    const reports: RuleReport[] = [];
    proseLines(context.doc).forEach((text, line) => {
      if (!text.includes('@') && !MAY_BLAME_WORD.test(text)) return;
      const seen = new Set<number>();
      for (const { pattern, needs } of PATTERNS) {
        if (!needs.test(text)) continue;
        for (const m of text.matchAll(pattern)) {
          const who = m[1];
          if (!who.startsWith('@') && NOT_PEOPLE.has(who.split(' ')[0])) continue;
          const start = m.index ?? 0;
          if (seen.has(start)) continue;
          seen.add(start);
          reports.push({
            message: `"${m[0]}" names a person as the cause; describe what in the system allowed the mistake instead.`,
            range: range(line, start, line, start + m[0].length),
          });
        }
      }
    });
    return reports;
  },
};
