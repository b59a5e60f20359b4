// Git correlation in core: the commit model, reading `git log` output, ranking, and the incident window.
export {
  parseLog,
  diffUriInfo,
  LOG_FORMAT,
  type Commit,
  type CommitWindow,
  type FileChange,
  type FileChangeStatus,
  type DiffSide,
  type DiffUriInfo,
} from './commit';
export { rankCommits, toWords, type RankContext, type RankedCommit, type RankReason } from './rank';
export {
  suggestWindow,
  formatWindowTime,
  parseWindowTime,
  checkWindow,
  WINDOW_TIME_HINT,
  type SuggestedWindow,
  type WindowHints,
  type WindowTimeResult,
} from './window';
export { incidentServices, windowHints, SERVICE_FIELD_NAMES } from './incident';
