import { afterEach, describe, expect, it } from 'vitest';
import {
  DemoRegistryError,
  orderedDemoContributions,
  registerDemoContribution,
  unregisterDemoContribution,
} from '../../src/demo/demo-registry.js';
import '../../src/demo/demo-contributions.js';

const temporary: string[] = [];
function register(id: string, after?: string[]) {
  temporary.push(id);
  registerDemoContribution({ id, title: id, after, build: async () => undefined });
}
afterEach(() => {
  temporary.splice(0).forEach((id) => unregisterDemoContribution(id));
});

describe('demo registry', () => {
  it('holds the catalogue contribution', () => {
    expect(orderedDemoContributions().map((c) => c.id)).toContain('catalog');
  });

  it('runs dependencies first, otherwise in registration order', () => {
    register('test-late', ['test-early']);
    register('test-early', ['catalog']);
    register('test-other');
    const ids = orderedDemoContributions().map((c) => c.id);
    expect(ids.indexOf('catalog')).toBeLessThan(ids.indexOf('test-early'));
    expect(ids.indexOf('test-early')).toBeLessThan(ids.indexOf('test-late'));
    expect(ids.indexOf('test-late')).toBeLessThan(ids.indexOf('test-other'));
  });

  it('refuses a duplicate id unless asked to replace', () => {
    register('test-dup');
    expect(() => register('test-dup')).toThrow(
      new DemoRegistryError("demo contribution 'test-dup' is already registered"),
    );
    expect(() =>
      registerDemoContribution(
        { id: 'test-dup', title: 'again', build: async () => undefined },
        { replace: true },
      ),
    ).not.toThrow();
  });

  it('names an unknown dependency and a cycle', () => {
    register('test-orphan', ['test-missing']);
    expect(() => orderedDemoContributions()).toThrow(
      "demo contribution 'test-orphan' runs after unknown contribution 'test-missing'",
    );
    unregisterDemoContribution('test-orphan');
    register('test-a', ['test-b']);
    register('test-b', ['test-a']);
    expect(() => orderedDemoContributions()).toThrow(
      'demo contributions depend on each other in a cycle: test-a → test-b → test-a',
    );
  });
});
