// A sentence reader for what prose says about people (issue #19), shared by PM013 blame-language,
// PM022 hindsight-language and PM008 vague-root-cause. Hand-written with our own lexicons (no NLP
// library: the .vsix budget is 1 MB and the lint must stay under a markdown-it parse): it splits a line
// into sentences, blanks quoted text, tokenises, and for each cue word (a fault verb, a judgement
// adjective, a fault noun, "should have", "if ... had", ...) reads the subject of its clause backwards:
// a person (a name, an @handle, he or she, a role noun such as "the intern"), a team or "we", or a
// thing (a system, a change, anything else). Negation and rejection ("not Priya's fault", "rather
// than blame the reviewer") silence a finding.
import { documentView, type MarkdownDocument } from '../markdown/model';
import { SOURCE } from '../markdown/documentViews';
import { proseLines } from './prose';

/** What a phrase says. */
export type PeopleFinding = 'blame' | 'hindsight';

/** One phrase found, in columns of the line it was read from. */
export interface PeoplePhrase {
  readonly kind: PeopleFinding;
  /** The form, for the message: e.g. "fault verb", "counterfactual". */
  readonly form: PhraseForm;
  readonly start: number;
  readonly end: number;
  /** The phrase as written. */
  readonly text: string;
}

export type PhraseForm =
  | 'fault-verb'
  | 'omission'
  | 'judgement'
  | 'fault-noun'
  | 'blame-phrase'
  | 'counterfactual'
  | 'hindsight-word'
  | 'failed-to-notice';

/** Who a noun phrase is. */
export type Who = 'person' | 'team' | 'we' | 'thing';

interface Token {
  /** Lower case. */
  readonly w: string;
  /** As written. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Singular nouns for a person by role. */
const ROLE_NOUNS =
  words(`intern engineer developer dev operator admin administrator dba sre contractor reviewer author deployer on-call oncall
  manager lead hire trainee commander ic employee analyst tester architect programmer coder approver committer releaser technician
  specialist consultant colleague teammate person individual newcomer junior senior staffer owner one guy`);
/** Groups of people: a team, not a person. */
const TEAM_NOUNS =
  words(`team teams engineers developers operators admins responders reviewers everyone everybody engineering support ops
  operations staff people squad org organisation organization department management leadership crew rotation on-calls`);
/** Capitalised words that are not people: sentence openers, pronouns of things, groups, tools and platforms. */
const NOT_NAMES =
  words(`the a an this that these those our their your his her its it then when while after before during since because however also
  if had only looking with in on at by for from to of as once but and or so yet thanks thank no nobody none nothing something someone somebody
  anyone anybody everyone everybody all both each every either neither many most several some any one there here what which who why how
  monitoring deploy deployment alerting kubernetes k8s redis postgres postgresql mysql nginx datadog grafana prometheus vault stripe github gitlab
  jenkins terraform docker linux windows amazon aws gcp google azure cloudflare consul envoy istio helm argo argocd sentry pagerduty slack jira
  rails django node java python kafka elasticsearch cassandra mongo mongodb rabbitmq memcached haproxy ansible puppet chef spinnaker circleci
  renovate dependabot bot pipeline job service system deployer canary release code change config configuration migration cron script automation
  staging production team engineering support customer customers users user engineers developers operators admins responders
  human operator blame blaming fault error errors clearly obviously evidently surely apparently nobody's sev1 sev2 sev3 api cdn dns tls ssl http
  s3 ec2 rds lambda ci cd saying rather instead blameless`);
/** Adverbs that may stand between a subject and its verb. */
const ADVERBS =
  words(`accidentally carelessly mistakenly recklessly sloppily hastily negligently blindly wrongly inadvertently unknowingly
  never simply just also then clearly obviously completely totally quickly only still already again squarely apparently really even later first
  probably certainly definitely somehow unfortunately`);
/** Adverbs that make the action they modify a fault. */
const FAULT_ADVERBS = words(
  'accidentally carelessly mistakenly recklessly sloppily hastily negligently blindly wrongly inadvertently lazily',
);
/** Past-tense verbs that are a fault when a person is their subject. */
const FAULT_VERBS =
  words(`rushed ignored skipped forgot neglected overlooked botched broke wiped mistyped misconfigured misread misjudged
  bungled fumbled disregarded bypassed caused misspelled miscalculated mishandled`);
/** Their base forms: "did not ignore" denies a fault. */
const FAULT_BASE = words(
  'rush ignore skip forget neglect overlook botch break wipe mistype misconfigure misread misjudge bungle fumble disregard bypass cause miss',
);
/** Phrasal fault verbs: the first word, then what must follow it. */
const FAULT_PHRASES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['messed', ['up']],
  ['screwed', ['up']],
  ['took', ['down']],
  ['jumped', ['the', 'queue']],
  ['made', ['a', 'typo']],
  ['made', ['a', 'mistake']],
  ['made', ['an', 'error']],
  ['made', ['a', 'bad', 'call']],
  ['made', ['mistakes']],
  ['dropped', ['the', 'ball']],
];
/** Verbs of changing production: a fault only with a fault adverb, "the wrong", "by accident", "without" a safeguard or "anyway". */
const CHANGE_VERBS =
  words(`deleted dropped restarted merged pushed deployed approved ran applied removed changed edited modified updated shipped
  released committed scaled killed truncated promoted rebooted reverted overwrote disabled enabled rolled force-pushed pasted typed executed`);
/** Safeguards skipped: "without testing". */
const SAFEGUARDS =
  words(`testing test tests review reviewing approval checking check verifying verification telling notifying asking permission
  sign-off signoff canary staging waiting reading a any proper peer code running doing writing getting looking checking second dry`);
/** Verbs of a safeguard a person did not perform: "did not test", "never checked". */
const OMISSION_VERBS =
  words(`test tested check checked follow followed run ran read verify verified review reviewed tell told wait waited ask asked
  update updated notice noticed look looked bother bothered monitor monitored escalate escalated validate validated confirm confirmed double-check
  double-checked renew renewed inform informed notify notified consult consulted
  investigate investigated communicate communicated use used backup`);
/** Irregular past participles: "should have known"; "should have alerting" is a wish, not a counterfactual. */
const IRREGULAR_PARTICIPLES =
  words(`known seen caught done been made taken thought had built run written gone got gotten kept sent spent found held left
  told read understood put set shut split begun brought bought felt heard led lost meant met paid said sold stood struck taught won drawn driven
  given hidden ridden risen shown spoken chosen frozen broken forgotten foreseen let cut hit`);
const isParticiple = (w: string | undefined) =>
  !!w && (/[a-z]{2}(?:ed|en|wn)$/.test(w) || IRREGULAR_PARTICIPLES.has(w));
/** Objects of "skipped" that are no fault. */
const HARMLESS_OBJECTS = words('lunch dinner breakfast sleep vacation holiday');
/** Judgement adjectives about a person. */
const JUDGEMENT =
  words(`careless sloppy negligent reckless lazy incompetent irresponsible inattentive hasty clumsy lax complacent stupid dumb foolish
  unprofessional inexperienced`);
/** Fault nouns: "Alice's mistake", "mistake by Zoe". */
const FAULT_NOUNS =
  words(`mistake mistakes fault negligence carelessness oversight blunder error errors sloppiness screw-up screwup incompetence
  laziness recklessness failure fumble goof`);
/** Nouns after "error" that make it a measure, not a fault. */
const ERROR_MEASURES = words(
  'rate rates budget budgets count counts message messages log logs handling page pages code codes spike ratio',
);
/** Verbs a person did that a counterfactual or "failed to" makes hindsight. */
const NOTICE_VERBS = words(
  'notice see spot realise realize catch anticipate recognise recognize detect foresee predict understand',
);
/** Words that start a new clause for negation scope. */
const CLAUSE_BREAKS = words(', ; : — – ( ) but and so yet while although though because');
/** Rejection of blame in the whole sentence: "rather than blame", "it is tempting to say". */
const REJECTION =
  /\b(?:rather than|instead of|tempting|easy to (?:say|blame|conclude)|would be easy|would miss|not a case of|is not a root cause|isn'?t a root cause|appears nowhere|do not write|don'?t write|not (?:about )?who|no (?:single )?(?:person|one) (?:is|was) to blame|no single person|ignores that|not the point)\b/i;

/**
 * Cheap test: a line without any of these cannot hold a phrase. Written as a trie on the first letter:
 * irregexp rejects most word starts on one character then (a flat list of the ~70 cues cost three
 * times as much on the 50 KB bench document, see scripts/judgeLintRatio.mjs).
 */
const CUE =
  /\b(?:a(?:ccident|nyway)|b(?:lam|lunder|lindly|otch|roke\b|roken by|ungl|ypass)|c(?:aused|areless|lums|omplacen|ould have)|d(?:id not|idn['’]t|isregard|ropped the ball|umb)|errors? (?:by|of|from|on)|f(?:ault|ailed to|org[oe]t|oolish|umbl)|goof|h(?:ad\b|ast(?:y|ily)|indsight)|i(?:gnor|f only|ncompeten|rresponsib|nattentiv|nadvertent|nexperienced)|jumped the|l(?:ooking back|ax\b|az[yi])|m(?:ade (?:a|an) (?:typo|mistake|error|bad)|ade mistakes|essed up|istake|is(?:typ|configur|read|judg|spel|calcul|handl))|n(?:eglect|egligen|ever)|o(?:verlook|versight|bvious|ught to have)|r(?:ush|eckless|esponsible for)|s(?:kip|crew|loppi?|tupid|hould have|tarted by)|t(?:ook down|oo slow|he wrong|riggered by)|unprofessional|w(?:iped|ithout|ho (?:\w+ed|ran|broke)|rongly))/i;
/** A possessive fault noun the trie does not cover ("Alice's error"); tried only on lines with an apostrophe. */
const POSSESSIVE_CUE = /(?:'s|s'|’s) (?:\w+ )?(?:errors?|failure)\b/i;
const hasCue = (line: string) =>
  CUE.test(line) || ((line.includes("'") || line.includes('’')) && POSSESSIVE_CUE.test(line));

/** Whether a line may hold a phrase (a quick test before reading it). */
export function mayHoldPeopleLanguage(line: string): boolean {
  return hasCue(line);
}

const TOKEN =
  /@[A-Za-z0-9](?:[\w.-]*\w)?(?:['’]s?)?|[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?(?:['’]s?)?|[,;:()—–]/gu;

function tokenize(text: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].replace(/’/g, "'");
    const start = offset + (m.index ?? 0);
    out.push({ w: raw.toLowerCase(), raw, start, end: start + m[0].length });
  }
  return out;
}

/** The sentences of a line: [start, end) columns; table cells and sentence ends split it. */
function sentences(line: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let from = 0;
  const re = /[.!?]+(?=\s|$)|\|/g;
  for (const m of line.matchAll(re)) {
    const at = m.index ?? 0;
    // "e.g." and single initials ("J. Doe") do not end a sentence.
    if (m[0] === '.' && /\b(?:e\.g|i\.e|etc|vs|[A-Z])$/.test(line.slice(from, at))) continue;
    if (at > from) out.push([from, at]);
    from = at + m[0].length;
  }
  if (from < line.length) out.push([from, line.length]);
  return out;
}

/** Blanks quoted text (straight and curly double quotes): what is quoted is not asserted. */
function blankQuotes(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”/g, (q) => ' '.repeat(q.length));
}

const stripPossessive = (w: string) => w.replace(/'s?$/, '');
const isPossessive = (w: string) => /'s?$/.test(w) && w.length > 2;

function isName(t: Token): boolean {
  if (t.raw.startsWith('@')) return true;
  const base = stripPossessive(t.raw);
  if (!/^\p{Lu}[\p{Ll}'-]+$/u.test(base) || base.length < 2) return false;
  const lower = base.toLowerCase();
  return (
    !NOT_NAMES.has(lower) &&
    !ROLE_NOUNS.has(lower) &&
    !TEAM_NOUNS.has(lower) &&
    !FAULT_VERBS.has(lower) &&
    !CHANGE_VERBS.has(lower) &&
    !JUDGEMENT.has(lower) &&
    !ADVERBS.has(lower)
  );
}

/** Who the token at `i` (the head of a noun phrase, possibly possessive) is. */
function whoAt(tokens: readonly Token[], i: number): Who {
  const t = tokens[i];
  if (!t) return 'thing';
  const w = stripPossessive(t.w);
  if (t.raw.startsWith('@')) return 'person';
  if (w === 'he' || w === 'she') return 'person';
  if (w === 'we' || w === 'us') return 'we';
  if (isName(t)) {
    // "the Redis" or "our Kafka": a determiner before a capitalised word makes it a thing.
    const before = tokens[i - 1]?.w;
    return before === 'the' || before === 'our' || before === 'a' || before === 'an' ? 'thing' : 'person';
  }
  if (w === 'duty' || w === 'call') {
    // "the SRE on duty", "the engineer on call".
    if (tokens[i - 1]?.w === 'on') return whoAt(tokens, i - 2);
  }
  if (ROLE_NOUNS.has(w)) {
    // "one" is a person only as "the one (who)"; "owner" as "the owner".
    if (w === 'one' && tokens[i - 1]?.w !== 'the') return 'thing';
    // A role noun modifying another noun ("the engineer laptop") is rare; "the release manager" ends in a role.
    return 'person';
  }
  if (TEAM_NOUNS.has(w)) return 'team';
  return 'thing';
}

/** Skips adverbs and an appositive (", Raj,") backwards from `i`; returns the index of the subject's head. */
function subjectBefore(tokens: readonly Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && ADVERBS.has(tokens[j].w)) j--;
  if (tokens[j]?.w === ',') {
    // ", Raj," before the verb: the name of the appositive is the subject.
    if (tokens[j - 1] && isName(tokens[j - 1])) return j - 1;
  }
  return j;
}

/** Whether a negation stands before `i` in its clause. */
function negatedBefore(tokens: readonly Token[], i: number, from = 0): boolean {
  for (let j = i - 1; j >= from; j--) {
    const w = tokens[j].w;
    if (CLAUSE_BREAKS.has(w)) return false;
    if (
      w === 'not' ||
      w === 'no' ||
      w === 'never' ||
      w.endsWith("n't") ||
      w === 'nobody' ||
      w === 'none' ||
      w === 'neither' ||
      w === 'nor'
    )
      return true;
  }
  return false;
}

/** The first person, team or "we" a noun phrase starting at `i` names (within `span` tokens), or -1. */
function personAfter(tokens: readonly Token[], i: number, span = 5, accept: readonly Who[] = ['person']): number {
  for (let j = i; j < Math.min(tokens.length, i + span); j++) {
    if (CLAUSE_BREAKS.has(tokens[j].w) && j > i) return -1;
    const next = tokens[j + 1];
    const continues =
      next &&
      (ROLE_NOUNS.has(stripPossessive(next.w)) || TEAM_NOUNS.has(next.w) || (isName(tokens[j]) && isName(next)));
    if (accept.includes(whoAt(tokens, j)) && !continues) return j;
  }
  return -1;
}

/** A cheap guess that a word is a verb or a function word rather than a noun continuing a phrase. */
function isVerbish(w: string): boolean {
  return (
    /(?:ed|ing)$/.test(w) ||
    [
      'is',
      'was',
      'were',
      'are',
      'has',
      'had',
      'for',
      'by',
      'of',
      'who',
      'that',
      'with',
      'to',
      'in',
      'on',
      'at',
      'and',
      'or',
      'but',
      'caused',
      'lies',
      'rests',
    ].includes(w)
  );
}

/** The start of the noun phrase whose head is at `head`: back over determiners, possessives and modifiers. */
function phraseStart(tokens: readonly Token[], head: number): number {
  let j = head;
  if (tokens[j - 1]?.w === 'on' && (tokens[j].w === 'duty' || tokens[j].w === 'call')) j -= 2;
  while (j > 0) {
    const prev = tokens[j - 1];
    if (['the', 'a', 'an', 'our', 'their', 'his', 'her', 'my', 'your', 'this', 'that'].includes(prev.w)) return j - 1;
    if (
      /^[a-z][a-z-]*$/.test(prev.raw) &&
      !ADVERBS.has(prev.w) &&
      !isVerbish(prev.w) &&
      !CLAUSE_BREAKS.has(prev.w) &&
      !FAULT_VERBS.has(prev.w)
    )
      j--;
    else if (isName(prev) && isName(tokens[j])) j--;
    else break;
  }
  return j;
}

interface Reader {
  readonly line: string;
  readonly out: PeoplePhrase[];
  readonly seen: Set<string>;
}

function add(r: Reader, kind: PeopleFinding, form: PhraseForm, start: number, end: number): void {
  const key = `${kind}:${start}`;
  if (r.seen.has(key)) return;
  // One finding of a kind per overlapping span.
  if (r.out.some((p) => p.kind === kind && p.start < end && start < p.end)) return;
  r.seen.add(key);
  r.out.push({ kind, form, start, end, text: r.line.slice(start, end) });
}

/** Reads one sentence (columns [from, to) of the line). */
function readSentence(r: Reader, from: number, to: number): void {
  const text = blankQuotes(r.line.slice(from, to));
  if (REJECTION.test(text)) return;
  const tokens = tokenize(text, from);
  const n = tokens.length;
  const endOf = (j: number) => tokens[Math.min(j, n - 1)].end;

  // Hindsight words: "in hindsight", "with hindsight", "looking back", "obvious(ly)", "if only".
  for (let i = 0; i < n; i++) {
    const w = tokens[i].w;
    if (w === 'hindsight' && (tokens[i - 1]?.w === 'in' || tokens[i - 1]?.w === 'with'))
      add(r, 'hindsight', 'hindsight-word', tokens[i - 1].start, tokens[i].end);
    else if (w === 'looking' && tokens[i + 1]?.w === 'back')
      add(r, 'hindsight', 'hindsight-word', tokens[i].start, tokens[i + 1].end);
    else if (w === 'obvious' && !['not', "wasn't", "isn't", 'never'].includes(tokens[i - 1]?.w ?? ''))
      add(r, 'hindsight', 'hindsight-word', tokens[i].start, tokens[i].end);
    // "Obviously, we should have ..." at a clause start; "nothing was obviously compromised" is a degree.
    else if (w === 'obviously' && (i === 0 || CLAUSE_BREAKS.has(tokens[i - 1].w)))
      add(r, 'hindsight', 'hindsight-word', tokens[i].start, tokens[i].end);
    else if (w === 'if' && tokens[i + 1]?.w === 'only')
      add(r, 'hindsight', 'counterfactual', tokens[i].start, tokens[i + 1].end);
  }

  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const w = t.w;

    // Counterfactuals: "X should/could/ought to have ...".
    if (
      (w === 'should' || w === 'could' || w === 'ought') &&
      (tokens[i + 1]?.w === 'have' || (w === 'ought' && tokens[i + 1]?.w === 'to' && tokens[i + 2]?.w === 'have'))
    ) {
      const have = w === 'ought' ? i + 2 : i + 1;
      if (!isParticiple(tokens[have + 1]?.w)) continue;
      const s = subjectBefore(tokens, i);
      const who = whoAt(tokens, s);
      if (who !== 'thing' && !negatedBefore(tokens, i, s) && !['nobody', 'none'].includes(tokens[s].w)) {
        const start = tokens[phraseStart(tokens, s)].start;
        add(r, 'hindsight', 'counterfactual', start, endOf(have + 1));
        if (who === 'person') add(r, 'blame', 'counterfactual', start, endOf(have + 1));
      }
      continue;
    }
    // "If (only) X had ...", "Had X ...": a counterfactual about X.
    if (
      (w === 'if' && (i === 0 || tokens[i - 1].w !== 'as')) ||
      (w === 'had' && (i === 0 || tokens[i - 1].w === ','))
    ) {
      let j = i + 1;
      if (tokens[j]?.w === 'only') j++;
      // The subject: up to four words, then "had" (for "if") or a verb (for "had").
      for (let k = j; k < Math.min(n, j + 5); k++) {
        const who = whoAt(tokens, k);
        if (who === 'thing') {
          if (CLAUSE_BREAKS.has(tokens[k].w) || tokens[k].w === 'had') break;
          continue;
        }
        // "If we had a dead-letter topic": "had" + a noun is not a counterfactual about an act; require "had" + a participle.
        const next = tokens[k + 1]?.w;
        const ok =
          w === 'had'
            ? next !== undefined && !['been', 'a', 'an', 'the', 'no'].includes(next)
            : next === 'had' && !['a', 'an', 'the', 'no', 'any'].includes(tokens[k + 2]?.w ?? '');
        const only = next === 'had' && tokens[k + 2]?.w === 'only';
        if (ok || only) {
          add(r, 'hindsight', 'counterfactual', t.start, endOf(k + 2));
          if (who === 'person') add(r, 'blame', 'counterfactual', t.start, endOf(k + 2));
        }
        break;
      }
      continue;
    }
    // "X failed to notice/see/...": hindsight; any "failed to" of a person is blame.
    if (w === 'failed' && tokens[i + 1]?.w === 'to') {
      const s = subjectBefore(tokens, i);
      const who = whoAt(tokens, s);
      if (who === 'thing' || negatedBefore(tokens, i, s)) continue;
      const start = tokens[phraseStart(tokens, s)].start;
      if (NOTICE_VERBS.has(tokens[i + 2]?.w ?? '')) add(r, 'hindsight', 'failed-to-notice', start, endOf(i + 2));
      if (who === 'person') add(r, 'blame', 'fault-verb', start, endOf(i + 2));
      continue;
    }

    // A person as the subject of a fault verb.
    const phrase = FAULT_PHRASES.find(
      ([first, rest]) => first === w && rest.every((x, k) => tokens[i + 1 + k]?.w === x),
    );
    const faultVerb =
      FAULT_VERBS.has(w) &&
      !(w === 'skipped' && HARMLESS_OBJECTS.has(tokens[i + 1]?.w ?? '')) &&
      !(
        w === 'caused' &&
        (tokens[i + 1]?.w === 'by' || ['was', 'were', 'is', 'been'].includes(tokens[i - 1]?.w ?? ''))
      );
    if (phrase || faultVerb) {
      const s = subjectBefore(tokens, i);
      if (tokens[s] && whoAt(tokens, s) === 'person' && !negatedBefore(tokens, i, s)) {
        add(r, 'blame', 'fault-verb', tokens[phraseStart(tokens, s)].start, endOf(phrase ? i + phrase[1].length : i));
      } else if (tokens[s]?.w === 'who') {
        // "the one who broke production", "It was Lars who ..."
        const p = s - 1;
        if (tokens[p] && whoAt(tokens, p) === 'person')
          add(r, 'blame', 'fault-verb', tokens[phraseStart(tokens, p)].start, endOf(phrase ? i + phrase[1].length : i));
      }
      continue;
    }
    // A fault adverb before a verb: "Hana carelessly pasted".
    if (FAULT_ADVERBS.has(w)) {
      let s = i - 1;
      while (s >= 0 && ADVERBS.has(tokens[s].w)) s--;
      if (tokens[s] && whoAt(tokens, s) === 'person' && !negatedBefore(tokens, s))
        add(r, 'blame', 'fault-verb', tokens[phraseStart(tokens, s)].start, endOf(i + 1));
      continue;
    }
    // A cleft sentence puts a person forward as the one who acted: "It was Lars who deleted the index".
    if (
      w === 'who' &&
      CHANGE_VERBS.has(tokens[i + 1]?.w ?? '') &&
      i >= 3 &&
      tokens[i - 2]?.w === 'was' &&
      tokens[i - 3]?.w === 'it' &&
      whoAt(tokens, i - 1) === 'person'
    ) {
      add(r, 'blame', 'blame-phrase', tokens[i - 3].start, endOf(i + 1));
      continue;
    }
    // A change verb made a fault by what follows: "dropped the wrong table", "deployed ... without review", "ran it anyway".
    if (CHANGE_VERBS.has(w)) {
      const s = subjectBefore(tokens, i);
      const subject =
        tokens[s] &&
        (whoAt(tokens, s) === 'person'
          ? s
          : tokens[s].w === 'who' && s > 0 && whoAt(tokens, s - 1) === 'person'
            ? s - 1
            : -1);
      if (subject === undefined || subject < 0 || negatedBefore(tokens, i, s)) continue;
      for (let k = i + 1; k < Math.min(n, i + 9); k++) {
        const x = tokens[k].w;
        if (CLAUSE_BREAKS.has(x) && x !== 'and') break;
        const wrong = x === 'wrong' && tokens[k - 1]?.w === 'the';
        const accident = (x === 'accident' || x === 'mistake') && tokens[k - 1]?.w === 'by';
        const without = x === 'without' && SAFEGUARDS.has(tokens[k + 1]?.w ?? '');
        if (wrong || accident || without || x === 'anyway') {
          add(r, 'blame', 'fault-verb', tokens[phraseStart(tokens, subject)].start, endOf(without ? k + 1 : k));
          break;
        }
      }
      continue;
    }
    // Omission: "did not test", "didn't check", "never tested"; "did not ignore" denies a fault.
    if ((w === 'did' && tokens[i + 1]?.w === 'not') || w === "didn't" || w === 'never') {
      const v = w === 'did' ? i + 2 : i + 1;
      const verb = tokens[v]?.w ?? '';
      if (FAULT_BASE.has(verb)) continue;
      if (!OMISSION_VERBS.has(verb)) continue;
      const s = subjectBefore(tokens, i);
      if (tokens[s] && whoAt(tokens, s) === 'person')
        add(r, 'blame', 'omission', tokens[phraseStart(tokens, s)].start, endOf(v));
      continue;
    }
    // Judgement adjectives: "Lena was careless", "a careless engineer", "Marta's careless deploy", "the sloppy work of the contractor".
    if (JUDGEMENT.has(w) || (w === 'slow' && tokens[i - 1]?.w === 'too')) {
      if (negatedBefore(tokens, i)) continue;
      let j = i - 1;
      while (
        j >= 0 &&
        (ADVERBS.has(tokens[j].w) ||
          ['too', 'so', 'very', 'extremely', 'quite', 'rather', 'pretty', 'being', 'been'].includes(tokens[j].w))
      )
        j--;
      if (tokens[j] && ['was', 'is', 'were', 'are', "wasn't", 'has', 'had'].includes(tokens[j].w)) {
        const s = subjectBefore(tokens, j);
        if (tokens[s] && whoAt(tokens, s) === 'person')
          add(r, 'blame', 'judgement', tokens[phraseStart(tokens, s)].start, endOf(i));
        continue;
      }
      if (tokens[j] && isPossessive(tokens[j].w) && whoAt(tokens, j) === 'person') {
        add(r, 'blame', 'judgement', tokens[phraseStart(tokens, j)].start, endOf(i + 1));
        continue;
      }
      // Attributive: a role noun within three words after, or "of/by" + a person within four.
      for (let k = i + 1; k < Math.min(n, i + 7); k++) {
        if (CLAUSE_BREAKS.has(tokens[k].w)) break;
        if (k <= i + 3 && whoAt(tokens, k) === 'person' && !isName(tokens[k])) {
          add(
            r,
            'blame',
            'judgement',
            tokens[i - 1] && ['a', 'an', 'the', 'our'].includes(tokens[i - 1].w) ? tokens[i - 1].start : t.start,
            endOf(k),
          );
          break;
        }
        if ((tokens[k].w === 'of' || tokens[k].w === 'by') && personAfter(tokens, k + 1, 4) >= 0) {
          add(r, 'blame', 'judgement', t.start, endOf(personAfter(tokens, k + 1, 4)));
          break;
        }
      }
      continue;
    }
    // Fault nouns: "Alice's mistake", "the engineer's carelessness", "mistake by Zoe", "human error by", "fault of the new hire".
    if (FAULT_NOUNS.has(w)) {
      if ((w === 'error' || w === 'errors' || w === 'failure') && ERROR_MEASURES.has(tokens[i + 1]?.w ?? '')) continue;
      let j = i - 1;
      if (tokens[j] && JUDGEMENT.has(tokens[j].w)) j--;
      if (tokens[j] && isPossessive(tokens[j].raw) && whoAt(tokens, j) === 'person' && !negatedBefore(tokens, j)) {
        add(r, 'blame', 'fault-noun', tokens[phraseStart(tokens, j)].start, t.end);
        continue;
      }
      const prep = tokens[i + 1]?.w;
      let p = -1;
      if (prep === 'by' || prep === 'of' || prep === 'from') p = personAfter(tokens, i + 2, 5);
      else if (prep === 'on' && tokens[i + 2]?.w === 'the' && tokens[i + 3]?.w === 'part' && tokens[i + 4]?.w === 'of')
        p = personAfter(tokens, i + 5, 5);
      if (p >= 0 && !negatedBefore(tokens, i))
        add(
          r,
          'blame',
          'fault-noun',
          (tokens[i - 1] && ['human', 'operator', 'user', 'engineer', 'developer'].includes(tokens[i - 1].w)
            ? tokens[i - 1]
            : t
          ).start,
          tokens[p].end,
        );
      // "The fault lies with ..." is read below.
    }
    // Blame phrases: "blame lies with X", "put the blame on X", "X is to blame", "X is at fault", "X is responsible for the outage", "caused by X".
    if (w === 'lies' || w === 'rests' || w === 'sits' || w === 'lay') {
      const about = tokens.slice(0, i).some((x) => x.w === 'blame' || x.w === 'fault' || x.w === 'responsibility');
      let k = i + 1;
      if (tokens[k]?.w === 'squarely' || tokens[k]?.w === 'entirely' || tokens[k]?.w === 'solely') k++;
      if (about && tokens[k]?.w === 'with') {
        const p = personAfter(tokens, k + 1, 5);
        if (p >= 0 && !negatedBefore(tokens, i))
          add(
            r,
            'blame',
            'blame-phrase',
            tokens.find((x) => x.w === 'blame' || x.w === 'fault' || x.w === 'responsibility')!.start,
            tokens[p].end,
          );
      }
      continue;
    }
    if ((w === 'blame' || w === 'blamed') && (tokens[i + 1]?.w === 'on' || tokens[i + 1]?.w === 'onto')) {
      const p = personAfter(tokens, i + 2, 5);
      if (p >= 0 && !negatedBefore(tokens, i)) add(r, 'blame', 'blame-phrase', t.start, tokens[p].end);
      continue;
    }
    if (w === 'blame' && tokens[i - 1]?.w === 'to' && ['is', 'was', 'are', 'were'].includes(tokens[i - 2]?.w ?? '')) {
      const s = subjectBefore(tokens, i - 2);
      if (tokens[s] && whoAt(tokens, s) === 'person' && !negatedBefore(tokens, i - 1, s))
        add(r, 'blame', 'blame-phrase', tokens[phraseStart(tokens, s)].start, t.end);
      continue;
    }
    if (w === 'fault' && tokens[i - 1]?.w === 'at' && ['is', 'was', 'are', 'were'].includes(tokens[i - 2]?.w ?? '')) {
      const s = subjectBefore(tokens, i - 2);
      if (tokens[s] && whoAt(tokens, s) === 'person' && !negatedBefore(tokens, i - 1, s))
        add(r, 'blame', 'blame-phrase', tokens[phraseStart(tokens, s)].start, t.end);
      continue;
    }
    if (
      w === 'responsible' &&
      tokens[i + 1]?.w === 'for' &&
      ['is', 'was', 'were', 'are'].includes(tokens[i - 1]?.w ?? '')
    ) {
      let k = i + 2;
      if (['the', 'this', 'that', 'our'].includes(tokens[k]?.w ?? '')) k++;
      const harm = [
        'outage',
        'incident',
        'failure',
        'breakage',
        'downtime',
        'data',
        'loss',
        'crash',
        'bug',
        'mistake',
        'error',
        'problem',
      ].includes(tokens[k]?.w ?? '');
      const s = subjectBefore(tokens, i - 1);
      if (harm && tokens[s] && whoAt(tokens, s) === 'person' && !negatedBefore(tokens, i, s))
        add(r, 'blame', 'blame-phrase', tokens[phraseStart(tokens, s)].start, endOf(k));
      continue;
    }
    if ((w === 'caused' || w === 'triggered' || w === 'broken' || w === 'started') && tokens[i + 1]?.w === 'by') {
      const p = personAfter(tokens, i + 2, 3);
      if (p >= 0 && !negatedBefore(tokens, i) && !isPossessive(tokens[p].raw))
        add(r, 'blame', 'blame-phrase', t.start, tokens[p].end);
      continue;
    }
  }
}

/**
 * Every blame and hindsight phrase of one line of prose (code already blanked), in columns of the
 * line. A sentence is read at most once; quoted text and sentences that reject blame are skipped.
 */
export function readPeopleLanguage(line: string): PeoplePhrase[] {
  const r: Reader = { line, out: [], seen: new Set() };
  if (!hasCue(line)) return r.out;
  for (const [from, to] of sentences(line)) readSentence(r, from, to);
  return r.out.sort((a, b) => a.start - b.start);
}

const NONE: readonly PeoplePhrase[] = [];

/** The line numbers of `source` a cue occurs on: one search of the whole text, not one per line. */
function cueLines(source: string): Set<number> {
  const found = new Set<number>();
  const scan = (pattern: RegExp) => {
    const re = new RegExp(pattern.source, 'gi');
    let line = 0;
    let lineStart = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(source))) {
      // Advance the line count to the match, then skip the rest of its line.
      for (let nl = source.indexOf('\n', lineStart); nl >= 0 && nl < m.index; nl = source.indexOf('\n', lineStart)) {
        line++;
        lineStart = nl + 1;
      }
      found.add(line);
      const end = source.indexOf('\n', m.index);
      if (end < 0) break;
      re.lastIndex = end;
    }
  };
  scan(CUE);
  if (source.includes("'") || source.includes('’')) scan(POSSESSIVE_CUE);
  return found;
}

/**
 * The phrases of each prose line of a document (code, comments and link destinations blanked), read
 * once per document and shared by PM013, PM022 and PM008. Headings are not read. Only lines whose
 * source holds a cue are looked at (blanking code never adds a cue).
 */
export function peopleLanguageOf(doc: MarkdownDocument): ReadonlyArray<readonly PeoplePhrase[]> {
  return documentView(doc, 'peopleLanguage', () => {
    const source = (doc as { [SOURCE]?: string })[SOURCE];
    const lines = proseLines(doc);
    const read = (line: string) => (hasCue(line) && !/^\s{0,3}#/.test(line) ? readPeopleLanguage(line) : NONE);
    // Lines are counted by LF (CRLF too); a lone CR also breaks a line, so such a text is read line by line.
    if (source === undefined || (source.includes('\r') && /\r(?!\n)/.test(source))) return lines.map(read);
    const out: Array<readonly PeoplePhrase[]> = new Array<readonly PeoplePhrase[]>(lines.length).fill(NONE);
    for (const i of cueLines(source)) if (i < lines.length) out[i] = read(lines[i]);
    return out;
  });
}
