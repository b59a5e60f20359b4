// The `vscode` module as the features in the web bundle see it (scripts/build.mjs resolves their `vscode` imports
// here): VS Code's API as it is, except `workspace.findFiles`, which also finds files on a file system without a
// search provider (./findFiles.ts). The objects are copies of the API's own properties (getters stay getters), so
// nothing of VS Code's is changed and every other extension sees its API untouched.
import * as vscode from 'vscode';
import { findFiles } from './findFiles';

const workspace = Object.defineProperties(
  {},
  {
    ...Object.getOwnPropertyDescriptors(vscode.workspace),
    findFiles: { value: findFiles, enumerable: true },
  },
) as typeof vscode.workspace;

export = Object.defineProperties(
  {},
  {
    ...Object.getOwnPropertyDescriptors(vscode),
    workspace: { value: workspace, enumerable: true },
  },
) as typeof vscode;
