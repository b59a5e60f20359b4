// PM011: severity missing, or not a level of the profile's scale.
import { normalizeHeading } from '../markdown/headingText';
import { SEVERITY_FIELD_NAMES } from '../postmortem/fields';
import type { Rule } from './types';
import { documentAnchor, incident } from './util';

export const PM011: Rule = {
  id: 'PM011',
  name: 'severity',
  title: "The severity is missing or not in the profile's scale",
  defaultSeverity: 'error',
  kinds: ['postmortem', 'incident'],
  check(context) {
    const model = incident(context);
    // A profile that lists header fields without a severity (google-sre) does not ask for one.
    const header = context.profile.documents[context.kind]?.headerFields;
    if (header && !header.some((f) => SEVERITY_FIELD_NAMES.includes(normalizeHeading(f)))) return [];
    const scale = context.profile.severities.map((s) => s.id).join(', ');
    if (!model.severityField) {
      return [
        {
          message: `The document states no severity; add a "Severity:" field with one of ${scale}.`,
          range: documentAnchor(context),
        },
      ];
    }
    if (!model.severity) {
      const value = model.severityField.value.trim();
      return [
        {
          message: value
            ? `Severity "${value}" is not in the ${context.profile.name} profile's scale (${scale}).`
            : `The Severity field is empty; write one of ${scale}.`,
          range: model.severityField.range,
        },
      ];
    }
    return [];
  },
};
