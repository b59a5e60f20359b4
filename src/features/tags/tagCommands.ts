// The tag commands: Tag Code Location, open a tag's incident document, show an incident's other locations, rescan.
import * as vscode from 'vscode';
import { Commands } from '../../constants';
import { formatDate, incidentKey, TAG_SLUG_PATTERN, tagComment, type IncidentDocumentRef } from '../../core/tags';
import type { CalendarDate } from '../../core/postmortem/dates';
import { tagName, toVsLocation, type OpenIncidentArgs, type ShowLocationsArgs } from './tagCommandArgs';
import type { TagIndexManager, TagScanSummary } from './TagIndexManager';

/** Arguments that let a test (or a keybinding) run Tag Code Location without its prompts. */
export interface TagCodeLocationArgs {
  /** The relative path of an incident document of the folder, or `today` for a new incident dated today. */
  readonly incident?: string;
  readonly description?: string;
}

/** What the QuickPick offers: an incident to tag with. */
interface IncidentChoice extends vscode.QuickPickItem {
  readonly date?: CalendarDate;
  readonly slug?: string;
}

const SLUG = new RegExp(`^${TAG_SLUG_PATTERN}$`);

/** Registers the four tag commands. */
export function registerTagCommands(index: TagIndexManager): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.tagCodeLocation, (args?: TagCodeLocationArgs) =>
      tagCodeLocation(index, args),
    ),
    vscode.commands.registerCommand(Commands.openTagIncident, (args?: OpenIncidentArgs) =>
      openTagIncident(index, args),
    ),
    vscode.commands.registerCommand(Commands.showTagLocations, (args?: ShowLocationsArgs) => showTagLocations(args)),
    vscode.commands.registerCommand(Commands.refreshTaggedCode, () => refresh(index)),
  );
}

/**
 * Inserts a tag for the chosen incident in the active editor, in the language's comment
 * syntax: on the current (first selected) line when it is blank, else on a new line above it,
 * with the line's indentation. One undoable edit. Returns the comment inserted.
 */
export async function tagCodeLocation(
  index: TagIndexManager,
  args: TagCodeLocationArgs = {},
): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and put the cursor on the code to tag.'));
    return undefined;
  }
  const document = editor.document;
  const documents = index.documentsFor(document.uri);
  const today = todayDate();
  let choice: IncidentChoice | undefined;
  if (args.incident === 'today') choice = { label: 'today', date: today };
  else if (args.incident !== undefined) {
    const ref = documents.find((d) => d.path === args.incident);
    if (!ref) throw new Error(`${args.incident} is not an incident document of this workspace folder.`);
    choice = { label: ref.path, date: ref.date, slug: slugOf(ref) };
  } else {
    choice = await vscode.window.showQuickPick(incidentChoices(index, document.uri, documents, today), {
      title: vscode.l10n.t('Tag Code Location: which incident?'),
      placeHolder: vscode.l10n.t('Choose the incident this code was involved in (newest first)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
  }
  if (!choice?.date) return undefined;
  const name = tagName({ dateText: formatDate(choice.date), slug: choice.slug });
  const description =
    args.description ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Tag Code Location: {0}', name),
      prompt: vscode.l10n.t('What about this code mattered in the incident?'),
      placeHolder: vscode.l10n.t('e.g. retries here exhausted the connection pool; keep the backoff'),
      validateInput: (v) =>
        v.trim() ? undefined : vscode.l10n.t('Write a short description of why this code matters to the incident.'),
    }));
  if (description === undefined || !description.trim()) return undefined;
  const line = document.lineAt(editor.selection.start.line);
  const indent = /^\s*/.exec(line.text)?.[0] ?? '';
  const comment = tagComment(
    { date: choice.date, slug: choice.slug, description },
    document.uri.path,
    document.languageId,
  );
  const edit = new vscode.WorkspaceEdit();
  if (line.isEmptyOrWhitespace) edit.replace(document.uri, line.range, `${indent}${comment}`);
  else
    edit.insert(
      document.uri,
      line.range.start,
      `${indent}${comment}${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`,
    );
  return (await vscode.workspace.applyEdit(edit)) ? comment : undefined;
}

/** The incidents to choose from: documents newest first (one item per incident), tags without a document, then today. */
async function incidentChoices(
  index: TagIndexManager,
  uri: vscode.Uri,
  documents: readonly IncidentDocumentRef[],
  today: CalendarDate,
): Promise<IncidentChoice[]> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const items: IncidentChoice[] = [];
  const keys = new Set<string>();
  for (const ref of documents) {
    const slug = slugOf(ref);
    const key = incidentKey({ dateText: ref.dateText, slug });
    if (keys.has(key)) continue;
    keys.add(key);
    const summary = folder && items.length < 50 ? await index.summary(folder, ref) : undefined;
    items.push({
      label: `$(book) ${summary?.title ?? ref.path.slice(ref.path.lastIndexOf('/') + 1)}`,
      description: [tagName({ dateText: ref.dateText, slug }), summary?.severity].filter(Boolean).join(' · '),
      detail: ref.path,
      date: ref.date,
      slug,
    });
  }
  const untracked = new Map<string, IncidentChoice>();
  for (const l of folder ? index.locations().filter((x) => x.folder.uri.toString() === folder.uri.toString()) : []) {
    const key = incidentKey(l.tag);
    if (keys.has(key) || untracked.has(key)) continue;
    untracked.set(key, {
      label: `$(warning) ${tagName(l.tag)}`,
      description: vscode.l10n.t('tagged in code, no incident document'),
      date: l.tag.date,
      slug: l.tag.slug,
    });
  }
  const newest = [...untracked.values()].sort((a, b) =>
    formatDate(b.date as CalendarDate).localeCompare(formatDate(a.date as CalendarDate)),
  );
  if (newest.length > 0)
    items.push({ label: vscode.l10n.t('Tagged in code only'), kind: vscode.QuickPickItemKind.Separator }, ...newest);
  items.push(
    { label: vscode.l10n.t('New incident'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('$(calendar) Today: {0}', `INCIDENT-${formatDate(today)}`),
      description: vscode.l10n.t('an incident without a document yet'),
      date: today,
    },
  );
  return items;
}

/** Opens the document a tag links to; a picker when several match; says why when none does. Returns the URI opened. */
export async function openTagIncident(
  index: TagIndexManager,
  args: OpenIncidentArgs | undefined,
): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === args?.folder);
  if (!args || !folder) return undefined;
  // Only the folder's incident documents are opened, whatever the arguments name.
  const known = index.documentsFor(folder.uri);
  const documents = args.documents
    .map((p) => known.find((d) => d.path === p))
    .filter((d): d is IncidentDocumentRef => d !== undefined);
  if (documents.length === 0) {
    const choice = await vscode.window.showWarningMessage(
      args.message ?? vscode.l10n.t('No incident document matches {0}.', args.tag),
      vscode.l10n.t('Show TG001 Documentation'),
    );
    if (choice) await vscode.commands.executeCommand(Commands.showRuleDocumentation, 'TG001');
    return undefined;
  }
  let ref: IncidentDocumentRef | undefined = documents[0];
  if (documents.length > 1) {
    const items = await Promise.all(
      documents.map(async (d) => {
        const summary = await index.summary(folder, d);
        return {
          label: summary?.title ?? d.path,
          description: [summary?.kindLabel, summary?.severity].filter(Boolean).join(' · '),
          detail: d.path,
          ref: d,
        };
      }),
    );
    ref = (
      await vscode.window.showQuickPick(items, {
        title: vscode.l10n.t('{0}: {1} documents match', args.tag, documents.length),
        placeHolder: vscode.l10n.t('Choose the document to open'),
      })
    )?.ref;
  }
  if (!ref) return undefined;
  const uri = index.documentUri(folder, ref);
  await vscode.window.showTextDocument(uri);
  return uri.toString();
}

/** Shows the incident's other tagged locations in a peek view. */
async function showTagLocations(args: ShowLocationsArgs | undefined): Promise<void> {
  if (!args) return;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(args.at.uri),
    new vscode.Position(args.at.line, args.at.character),
    args.locations.map(toVsLocation),
  );
}

/** Scans every folder again, with a progress notification, and says what was found. */
async function refresh(index: TagIndexManager): Promise<TagScanSummary> {
  const summary = await index.scanAll('always');
  const { filesSearched, skippedBinary, skippedLarge } = summary.stats;
  const found = vscode.l10n.t(
    '{0} in {1}; {2} files searched, {3} binary and {4} large files skipped.',
    summary.tags === 1 ? vscode.l10n.t('1 INCIDENT tag') : vscode.l10n.t('{0} INCIDENT tags', summary.tags),
    summary.files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', summary.files),
    filesSearched,
    skippedBinary,
    skippedLarge,
  );
  const text = summary.cancelled ? vscode.l10n.t('Scan cancelled: {0}', found) : found;
  vscode.window.setStatusBarMessage(text, 8000);
  return summary;
}

/** The document's slug when a tag can carry it. */
function slugOf(ref: IncidentDocumentRef): string | undefined {
  return ref.slug !== undefined && SLUG.test(ref.slug) ? ref.slug : undefined;
}

/** Today in the local time zone. */
function todayDate(): CalendarDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
