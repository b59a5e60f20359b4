// The JSON Schema of `.incident-workbench.yaml`, generated from the zod schema so the two cannot drift apart.
import * as z from 'zod';
import { BUILT_IN_PROFILES } from '../profiles';
import { configFileSchema } from './schema';

/** A JSON Schema (draft 2020-12) for editors: completion and hover in the configuration file. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  if (properties.extends) {
    properties.extends = {
      ...properties.extends,
      enum: BUILT_IN_PROFILES.map((p) => p.name),
      description: 'The built-in profile this configuration starts from.',
    };
  }
  return {
    ...schema,
    $id: 'incident-workbench.schema.json',
    title: 'Incident Workbench configuration (.incident-workbench.yaml)',
  };
}
