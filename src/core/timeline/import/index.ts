// Timeline import: Slack exports and PagerDuty logs read into events, and merged into a document's Timeline.
export * from './events';
export {
  readSlackChannels,
  chooseSlackChannel,
  slackDayFiles,
  slackEvents,
  readable,
  type JsonFile,
  type SlackChannel,
  type SlackExportFiles,
} from './slack';
export { isPagerDutyLog, pagerDutyEvents } from './pagerduty';
export {
  combineEvents,
  mergeTimeline,
  renderRow,
  renderTable,
  DEFAULT_TABLE_HEADER,
  type TimelineForm,
  type TimelineMerge,
} from './merge';
