import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { sessionMachine } from '../../machines/session-machine.js';
import { defaultSessionSettings } from '../../machines/session-settings.js';
import { canonicalJson } from '../../src/runtime/canonical-json.js';
import { snapshotDigest } from '../../src/runtime/log-entry.js';
import { isSameSettings, shareSettings, shareSettingsJson } from '../../src/runtime/shared-settings.js';

describe('shared settings', () => {
  it('interns equal settings as one frozen object, whatever object they came from', () => {
    const first = shareSettings(structuredClone(defaultSessionSettings));
    const second = shareSettingsJson(JSON.stringify(defaultSessionSettings));
    expect(second).toBe(first);
    expect(shareSettings(first.settings)).toBe(first);
    expect(first.settings).toEqual(defaultSessionSettings);
    expect(Object.isFrozen(first.settings.debounce)).toBe(true);
    expect(() => {
      (first.settings.debounce as { threshold: number }).threshold = 0.1;
    }).toThrow(TypeError);
  });

  it('tells different settings apart', () => {
    const other = { ...defaultSessionSettings, debounce: { ...defaultSessionSettings.debounce, threshold: 0.5 } };
    expect(isSameSettings(defaultSessionSettings, other)).toBe(false);
    expect(isSameSettings(defaultSessionSettings, structuredClone(defaultSessionSettings))).toBe(true);
    expect(shareSettings(other).digest).not.toBe(shareSettings(defaultSessionSettings).digest);
  });

  it('still finds equal settings equal after more distinct settings than the table holds made it restart', () => {
    const before = shareSettings(structuredClone(defaultSessionSettings)).settings;
    for (let index = 0; index < 1001; index++) shareSettings({ ...defaultSessionSettings, admins: [`admin-${index}`] });
    const after = shareSettings(structuredClone(defaultSessionSettings)).settings;
    expect(isSameSettings(before, after)).toBe(true);
    expect(isSameSettings(before, { ...defaultSessionSettings, admins: ['admin-1'] })).toBe(false);
  });

  it('gives snapshot digests that do not depend on whether the settings are the interned object', () => {
    const actor = createActor(sessionMachine, { input: { sessionId: 'http:private:digest' } }).start();
    actor.send({ type: 'settings.changed', at: 1000, settings: shareSettings(defaultSessionSettings).settings });
    actor.send({ type: 'message.received', at: 2000, sender: { id: 'u' }, text: 'hello', images: [], mentionsBot: false, completeness: 0.2 });
    const persisted = actor.getPersistedSnapshot();
    const copy = JSON.parse(JSON.stringify(persisted)) as unknown;
    expect(snapshotDigest(copy)).toBe(snapshotDigest(persisted));
    expect(shareSettings(defaultSessionSettings).canonical).toBe(canonicalJson(structuredClone(defaultSessionSettings)));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: undefined, e: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[2,{"e":null}]},"b":1}');
  });

  it('orders keys by code unit, integer-like keys included, whether or not they came in order', () => {
    const expected = '{"10":1,"9":2,"Z":{"a":1,"b":"\\"q\\""},"a":2,"b":1,"é":0}';
    expect(canonicalJson({ b: 1, a: 2, é: 0, Z: { b: '"q"', a: 1 }, 9: 2, 10: 1 })).toBe(expected);
    expect(canonicalJson({ 10: 1, 9: 2, Z: { a: 1, b: '"q"' }, a: 2, b: 1, é: 0 })).toBe(expected);
    expect(JSON.parse(expected)).toEqual({ 10: 1, 9: 2, Z: { a: 1, b: '"q"' }, a: 2, b: 1, é: 0 });
  });

  it('uses a known rendering for the objects it is told about', () => {
    const shared = { z: 1 };
    expect(canonicalJson({ a: shared }, (value) => (value === shared ? '"known"' : undefined))).toBe('{"a":"known"}');
  });
});
