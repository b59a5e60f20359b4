// The public surface of the INCIDENT tag grammar, linking and rules, for services, the CLI and the features.
export {
  LANGUAGES,
  GENERIC_SYNTAX,
  languageFor,
  syntaxFor,
  type LanguageSpec,
  type CommentSyntax,
  type LineCommentSyntax,
  type BlockCommentSyntax,
  type StringSyntax,
  type TagInsertion,
} from './languages';
export { commentSegments, type CommentSegment } from './comments';
export {
  TAG_SYNTAX,
  TAG_PREFIX,
  TAG_SLUG_PATTERN,
  findTags,
  findTagsInFile,
  formatDate,
  formatTag,
  tagComment,
  incidentKey,
  type IncidentTag,
  type TagProblem,
  type TagProblemCode,
  type TagScan,
  type NewTag,
} from './grammar';
export {
  LINKED_KINDS,
  fileNamePattern,
  incidentDocumentFromPath,
  incidentDocuments,
  linkTag,
  expectedDocumentPaths,
  type IncidentDocumentRef,
} from './documents';
export { TG001, TG002, TAG_RULES, tagFindings, unlinkedMessage } from './rules';
export { incidentLensTitle } from './lensTitle';
export {
  ENGLISH_TAG_HOVER_LABELS,
  tagName,
  tagProblemMarkdown,
  unlinkedTagMarkdown,
  tagSummaryMarkdown,
  type TagHoverLabels,
} from './hover';
