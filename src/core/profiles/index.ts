// The registry of built-in profiles: the one place that lists them.
import { agentProfile } from './agent';
import { googleSreProfile } from './googleSre';
import { harnessProfile } from './harness';
import { heaptraceProfile } from './heaptrace';
import { pagerdutyProfile } from './pagerduty';
import { prodcraftProfile } from './prodcraft';
import { saasProfile } from './saas';
import type { Profile } from './types';

export * from './types';

/** The profile used when neither a config file nor a setting picks one. */
export const DEFAULT_PROFILE_NAME = 'harness';

/** Built-in profiles, the default first, then one per seed, then google-sre and pagerduty. */
export const BUILT_IN_PROFILES: readonly Profile[] = [
  harnessProfile,
  agentProfile,
  prodcraftProfile,
  saasProfile,
  heaptraceProfile,
  googleSreProfile,
  pagerdutyProfile,
];

/** Returns the built-in profile called `name`, or undefined. */
export function findProfile(name: string): Profile | undefined {
  return BUILT_IN_PROFILES.find((p) => p.name === name);
}

/** The names of the built-in profiles, for messages and settings enums. */
export function profileNames(): string[] {
  return BUILT_IN_PROFILES.map((p) => p.name);
}
