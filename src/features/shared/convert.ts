// Converts core's positions, ranges and severities into VS Code's.
import * as vscode from 'vscode';
import type { FindingSeverity, Range } from '../../core';

/** A core range as a VS Code range. */
export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** A finding severity as a diagnostic severity. */
export function toVsSeverity(severity: FindingSeverity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
  }
}
