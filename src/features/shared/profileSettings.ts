// Resolves the profile in force for a document from the settings of its workspace folder.
import * as vscode from 'vscode';
import { DEFAULT_PROFILE_NAME, findProfile, profileNames } from '../../core/profiles';
import type { Profile } from '../../core/profiles/types';
import { Settings } from '../../constants';

const warned = new Set<string>();

/** The profile chosen in the settings for `uri`'s folder; warns once and uses the default for an unknown name. */
export function profileFromSettings(uri: vscode.Uri | undefined, log?: vscode.LogOutputChannel): Profile {
  const name = vscode.workspace
    .getConfiguration(Settings.section, uri)
    .get<string>(Settings.profileName, DEFAULT_PROFILE_NAME);
  const profile = findProfile(name);
  if (profile) return profile;
  if (!warned.has(name)) {
    warned.add(name);
    const setting = `${Settings.section}.${Settings.profileName}`;
    log?.warn(
      `Unknown incident profile "${name}" in the setting ${setting}. Using "${DEFAULT_PROFILE_NAME}". Built-in profiles: ${profileNames().join(', ')}.`,
    );
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Unknown incident profile "{0}" in the setting {1}. Using "{2}". Built-in profiles: {3}.',
        name,
        setting,
        DEFAULT_PROFILE_NAME,
        profileNames().join(', '),
      ),
    );
  }
  return findProfile(DEFAULT_PROFILE_NAME) as Profile;
}

/** Where the profile for a document comes from: the folder's config file, else the settings. */
export interface ProfileSource {
  profileFor(uri: vscode.Uri): Profile;
}

/** What `profileSource` needs of the configuration files (WorkspaceConfigManager). */
export interface ProfileConfigs {
  /** The profile the folder's config file sets, if it has a valid one. */
  profileFor(uri: vscode.Uri): Profile | undefined;
  /** `profile` with the folder's severity matrix as its scale, when it has one; same object for the same input while the matrix stands. */
  withSeverityMatrix?(uri: vscode.Uri, profile: Profile): Profile;
}

/** The config file's profile when the folder has a valid one, else the settings' choice; with the folder's severity matrix applied. */
export function profileSource(configs: ProfileConfigs, log: vscode.LogOutputChannel): ProfileSource {
  return {
    profileFor: (uri) => {
      const profile = configs.profileFor(uri) ?? profileFromSettings(uri, log);
      return configs.withSeverityMatrix ? configs.withSeverityMatrix(uri, profile) : profile;
    },
  };
}

/** The path of `uri` relative to its workspace folder, with forward slashes; undefined outside any folder. */
export function workspaceRelativePath(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const rel = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  return rel.length > 0 ? rel : undefined;
}
