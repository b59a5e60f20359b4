import * as assert from 'node:assert/strict';
import { lintText } from '../../../../src/core/lint/lint';
import { findProfile, type Profile } from '../../../../src/core/profiles';
import { findPlaceholders } from '../../../../src/core/rules/placeholders';

const harness = findProfile('harness') as Profile;

/** PM003's findings on a runbook as `line:start-end text` (1-based lines). */
function pm003(text: string): string[] {
  return lintText(text, 'runbook', harness)
    .findings.filter((f) => f.ruleId === 'PM003')
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.character}`);
}

describe('PM003 and template-engine tags', () => {
  it('does not take ERB, Jinja or Go template tags, or what is inside them, for placeholders', () => {
    assert.deepEqual(findPlaceholders('Restart <%= @service_name %> on <%= node["hostname"] %>.'), []);
    assert.deepEqual(findPlaceholders('<% if @replicas > 1 %>Drain one replica first.<% end %>'), []);
    assert.deepEqual(findPlaceholders('{% if count < 3 %}Page the <b>owner</b>{% endif %} and {# TODO tidy #}'), []);
    assert.deepEqual(
      findPlaceholders('Run it for {{ .Values.service }} and {{- range .Hosts }}{{ .Name }}{{ end }}, {{ [Name] }}'),
      [],
    );
  });

  it('still finds a placeholder next to a tag, at its own column', () => {
    assert.deepEqual(
      findPlaceholders('Restart <%= @service %> on <host>, by YYYY-MM-DD').map((h) => `${h.start} ${h.text}`),
      ['27 <host>', '38 YYYY-MM-DD'],
    );
  });

  it('reports nothing on a runbook written with ERB, but reports a blank left in it', () => {
    const runbook = [
      '# Runbook: queue',
      '',
      '## Symptoms',
      'Backlog on <%= queue %> above <%= @limit %>.',
      '',
      '## Mitigation Steps',
      'Scale <service> up.',
      '',
    ].join('\n');
    assert.deepEqual(pm003(runbook), ['7:6-15']);
  });
});
