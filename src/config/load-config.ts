/**
 * Loads the configuration: the YAML file (`--config` or `KIZUNA_CONFIG`, optional), then environment
 * variables, which win for endpoints and secrets, then validation.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { RuntimeError } from '../errors.js';
import { configSchema, type KizunaConfig } from './schema.js';

type Environment = Record<string, string | undefined>;

/** Reads, merges and validates the configuration; throws `config_invalid` naming each bad key. Performs I/O. */
export function loadConfig(options: { path?: string; env?: Environment } = {}): KizunaConfig {
  const env = options.env ?? process.env;
  const path = options.path ?? env.KIZUNA_CONFIG;
  const fromFile = path === undefined ? {} : readYamlFile(path);
  return parseConfig(applyEnvironment(fromFile, env));
}

/** True when an LLM endpoint is configured (otherwise the offline model answers); pure. */
export function hasLlmEndpoint(config: KizunaConfig): boolean {
  return Boolean(config.llm.baseUrl || config.llm.apiKey);
}

/** Settings that validate but will not do what they look like; pure. */
export function configWarnings(config: KizunaConfig): string[] {
  const warnings: string[] = [];
  const ttsWanted = config.tts.enabled || Object.values(config.sessions).some((session) => session.tts?.enabled);
  if (ttsWanted && config.llm.models.tts === undefined) warnings.push('tts.enabled is on but llm.models.tts is not set: no voice messages will be sent');
  if (ttsWanted && !hasLlmEndpoint(config)) warnings.push('tts.enabled is on but no LLM endpoint is configured: no voice messages will be sent');
  return warnings;
}

/** Validates a plain configuration object; pure apart from the error it throws. */
export function parseConfig(raw: unknown): KizunaConfig {
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new RuntimeError('config_invalid', `invalid configuration: ${describeIssues(result.error.issues)}`);
}

function readYamlFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new RuntimeError('config_invalid', `cannot read config file ${path}`, { cause });
  }
  try {
    return parseYaml(text) ?? {};
  } catch (cause) {
    throw new RuntimeError('config_invalid', `config file ${path} is not valid YAML`, { cause });
  }
}

function applyEnvironment(raw: unknown, env: Environment): Record<string, unknown> {
  const config = structuredClone((raw ?? {}) as Record<string, Record<string, unknown>>);
  const section = (name: string): Record<string, unknown> => (config[name] ??= {});
  if (env.REDIS_URL) section('redis').url = env.REDIS_URL;
  if (env.KIZUNA_PREFIX) section('redis').prefix = env.KIZUNA_PREFIX;
  if (env.KIZUNA_HTTP_PORT) section('http').port = Number(env.KIZUNA_HTTP_PORT);
  if (env.KIZUNA_HTTP_HOST) section('http').host = env.KIZUNA_HTTP_HOST;
  if (env.KIZUNA_API_TOKEN) section('http').token = env.KIZUNA_API_TOKEN;
  if (env.OPENAI_BASE_URL) section('llm').baseUrl = env.OPENAI_BASE_URL;
  if (env.OPENAI_API_KEY) section('llm').apiKey = env.OPENAI_API_KEY;
  if (env.KIZUNA_ONEBOT_TOKEN) section('onebot').accessToken = env.KIZUNA_ONEBOT_TOKEN;
  return config;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const detail = issue.code === 'invalid_key' ? `${issue.message} (a session id: <platform>:<private|group>:<chatId>)` : issue.message;
      return `${issue.path.join('.') || '(root)'}: ${detail}`;
    })
    .join('; ');
}
