// "Incident: New Runbook": picks or types the service, asks the failure mode, writes the profile's runbook.
import * as vscode from 'vscode';
import { documentPath, renderDocument, slugify, type Profile } from '../../core';
import { ifExistsArg, readArgs } from './commandArgs';
import { createAndOpen } from './createAndOpen';
import type { AuthoringDeps } from './deps';
import { utcDate } from './inputs';
import {
  manifestServices,
  merge,
  runbookFileNames,
  runbookServices,
  type ServiceSuggestion,
} from './serviceSuggestions';
import { chooseFolder, requireTrust } from './steps';
import { AuthoringCommandTitles } from './commandTitles';

/** The command's optional argument; with it nothing is asked (`service` and `failureMode` required). */
export interface NewRunbookArgs {
  readonly folder?: string;
  readonly service?: string;
  readonly failureMode?: string;
  readonly ifExists?: 'open' | 'next' | 'fail';
}

const ARG_FIELDS = ['folder', 'service', 'failureMode', 'ifExists'] as const;

/** Runs the command; resolves with the new (or the chosen existing) runbook, or undefined when nothing was written. */
export async function newRunbook(deps: AuthoringDeps, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust(AuthoringCommandTitles.newRunbook))) return undefined;
  const args = readArgs(rawArgs, ARG_FIELDS);
  const folder = await chooseFolder('runbook', args?.folder);
  if (!folder) return undefined;
  const profile = deps.profiles.profileFor(folder.uri);
  if (!profile.documents.runbook) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The {0} profile has no runbooks, so there is nowhere to write one.', profile.name),
    );
    return undefined;
  }
  const date = utcDate((deps.now ?? (() => new Date()))());

  let service: string | undefined;
  let failureMode: string | undefined;
  if (args) {
    service = args.service?.trim();
    failureMode = args.failureMode?.trim();
    if (!service || !failureMode)
      throw new Error(`${AuthoringCommandTitles.newRunbook} needs "service" and "failureMode" arguments.`);
  } else {
    service = await pickService(folder, profile, deps.log);
    if (!service) return undefined;
    const chosen = service;
    failureMode = await askFailureMode(profile, date, chosen);
    if (!failureMode) return undefined;
  }

  const title = `${service} ${failureMode}`;
  const relativePath = documentPath(profile, 'runbook', { date, slug: title, service, failureMode });
  return createAndOpen(
    {
      folder,
      relativePath,
      what: 'runbook',
      ifExists: args ? ifExistsArg(args.ifExists) : 'ask',
      text: renderDocument(profile, 'runbook', { title, date, service, failureMode }),
    },
    deps.log,
  );
}

interface ServiceItem extends vscode.QuickPickItem {
  /** The service name the item stands for. */
  readonly service: string;
}

/**
 * A quick pick of the services found in manifests and existing runbooks that also accepts a
 * new name: what is typed is offered as the last item whenever it names no suggestion.
 * Suggestions arrive while it is open.
 */
async function pickService(
  folder: vscode.WorkspaceFolder,
  profile: Profile,
  log: vscode.LogOutputChannel,
): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<ServiceItem>();
  picker.title = vscode.l10n.t('{0} ({1}/{2})', AuthoringCommandTitles.newRunbook, 1, 2);
  picker.placeholder = vscode.l10n.t('The service the runbook is for: pick one or type a new name');
  picker.ignoreFocusOut = true;
  picker.matchOnDescription = true;
  picker.busy = true;
  const loading = new vscode.CancellationTokenSource();
  let manifests: ServiceSuggestion[] = [];
  let runbookNames: string[] = [];
  // Suggestions may arrive after the picker is gone; it must not be touched then.
  let closed = false;

  const refresh = () => {
    if (closed) return;
    const suggestions = merge([...manifests, ...runbookServices(runbookNames, profile, manifests)]);
    const items: ServiceItem[] = suggestions.map((s) => ({
      label: s.name,
      description: s.sources.join(', '),
      service: s.name,
    }));
    const typed = picker.value.trim();
    const named = typed !== '' && items.some((i) => slugify(i.service, 'service') === slugify(typed, 'service'));
    // Not labelled with the bare text: the picker ranks an exact label first, and Enter after
    // typing the start of a suggestion ("api-gate") should pick the suggestion ("api-gateway").
    const create: ServiceItem = {
      label: vscode.l10n.t('$(add) New service "{0}"', typed),
      alwaysShow: true,
      service: typed,
    };
    picker.items = typed && !named ? [...items, create] : items;
  };

  const disposables: vscode.Disposable[] = [picker, loading];
  try {
    return await new Promise<string | undefined>((resolve) => {
      disposables.push(
        picker.onDidChangeValue(refresh),
        picker.onDidAccept(() => {
          const value = (picker.selectedItems[0] ?? picker.activeItems[0])?.service ?? picker.value.trim();
          if (!value) return;
          resolve(value);
          picker.hide();
        }),
        picker.onDidHide(() => {
          closed = true;
          loading.cancel();
          resolve(undefined);
        }),
      );
      refresh();
      picker.show();
      const names = runbookFileNames(folder, profile).then((n) => {
        runbookNames = n;
        refresh();
      });
      const found = manifestServices(folder, loading.token, log).then((m) => {
        manifests = m;
        refresh();
      });
      Promise.all([names, found])
        .catch((e: unknown) =>
          log.warn(`Looking for service names failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => {
          if (closed) return;
          picker.busy = false;
          if (picker.items.length === 0)
            picker.placeholder = vscode.l10n.t(
              'Type the name of the service the runbook is for (none was found in the workspace)',
            );
        });
    });
  } finally {
    closed = true;
    loading.cancel();
    disposables.forEach((d) => d.dispose());
  }
}

async function askFailureMode(profile: Profile, date: string, service: string): Promise<string | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('{0} ({1}/{2})', AuthoringCommandTitles.newRunbook, 2, 2),
    prompt: vscode.l10n.t('How {0} fails, in a few words: the runbook covers this one failure mode.', service),
    placeHolder: vscode.l10n.t('e.g. database slow query, secret rotation, disk full'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return vscode.l10n.t('Write the failure mode: it names the file.');
      try {
        return {
          message: vscode.l10n.t(
            'Creates {0}',
            documentPath(profile, 'runbook', { date, slug: `${service} ${value}`, service, failureMode: value }),
          ),
          severity: vscode.InputBoxValidationSeverity.Info,
        };
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  });
  return text?.trim() || undefined;
}
