// The web extension's timeline import (scripts/build.mjs swaps it in for services/timelineImportService.ts): Slack and
// PagerDuty exports are read from the local disk, which the browser cannot, so it says so.
import type * as NodeImport from '../../services/timelineImportService';
import { notAvailableHere } from './roots';

export function readExports(
  ..._args: Parameters<typeof NodeImport.readExports>
): ReturnType<typeof NodeImport.readExports> {
  return Promise.reject(new Error(notAvailableHere('Importing a timeline from a Slack or PagerDuty export')));
}

export function slackChannelsOf(_folder: string): ReturnType<typeof NodeImport.slackChannelsOf> {
  return Promise.resolve(undefined);
}
