// The incident wizard's pure core: severity decision tree, sections to ask for, the postmortem a draft writes and its evaluation.
export { severityDecisionTree, severityFromAnswers, type DecisionTree } from './severity';
export { wizardOtherSections } from './sections';
export { renderWizardPostmortem, wizardPostmortemPath, incidentDate, type WizardRenderContext } from './render';
export { evaluateDraft, type WizardEvaluation, type WizardEvaluateContext } from './evaluate';
export { draftFromIncidentRecord } from './fromIncident';
export { runbookSkeletons, suggestRunbooks, type KnownRunbook } from './runbooks';
export { escapeParagraphs, escapeListItem, escapeTableCell } from './escape';
export { findingVisible, visibleFindings, filledFields, touchedFromState } from './visibility';
