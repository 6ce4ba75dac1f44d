import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../config/load-config.ts';
import { isLoopbackHost } from './is-loopback-host.ts';
import { resolveAuthMode } from './resolve-auth-mode.ts';

describe('resolveAuthMode', () => {
  const cases: [configured: 'required' | 'off' | null, host: string, keys: number, mode: string][] =
    [
      [null, '127.0.0.1', 0, 'off'],
      [null, 'localhost', 3, 'off'],
      [null, '::1', 0, 'off'],
      [null, '0.0.0.0', 1, 'required'],
      [null, '10.1.2.3', 2, 'required'],
      ['off', '0.0.0.0', 0, 'off'],
      ['off', '127.0.0.1', 0, 'off'],
      ['required', '127.0.0.1', 0, 'required'],
      ['required', '127.0.0.1', 1, 'required'],
      ['required', '0.0.0.0', 1, 'required'],
      ['required', '::', 5, 'required'],
    ];
  for (const [configured, host, keys, mode] of cases) {
    it(`PROMPTER_AUTH=${configured ?? '(unset)'}, host ${host}, ${keys} key(s): ${mode}`, () => {
      assert.equal(resolveAuthMode(configured, host, keys).mode, mode);
    });
  }

  it('refuses an exposed bind with no active key unless auth is explicitly off', () => {
    for (const [configured, host] of [
      [null, '0.0.0.0'],
      [null, '::'],
      [null, 'prompter.example.com'],
      ['required', '192.168.1.10'],
    ] as const) {
      assert.throws(
        () => resolveAuthMode(configured, host, 0),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message.includes('PROMPTER_AUTH') &&
          error.message.includes('prompter keys create') &&
          error.message.includes(host),
        `${configured} ${host}`,
      );
    }
  });

  it('warns when auth is off on an exposed address, and when required with no key yet', () => {
    assert.match(resolveAuthMode('off', '0.0.0.0', 0).warning ?? '', /PROMPTER_AUTH=off/);
    assert.match(resolveAuthMode('required', '127.0.0.1', 0).warning ?? '', /keys create/);
    assert.equal(resolveAuthMode(null, '127.0.0.1', 0).warning, undefined);
    assert.equal(resolveAuthMode('required', '0.0.0.0', 1).warning, undefined);
  });
});

describe('isLoopbackHost', () => {
  const loopback = [
    '127.0.0.1',
    '127.255.3.4',
    'localhost',
    'LOCALHOST',
    'localhost.',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
  ];
  const exposed = [
    '0.0.0.0',
    '::',
    '',
    '128.0.0.1',
    '10.0.0.1',
    '127.1',
    '127.0.0.1.example.com',
    'localhost.example.com',
    'my-host',
    '::2',
    '::ffff:10.0.0.1',
    '[::]',
    'fe80::1',
  ];
  for (const host of loopback) {
    it(`${JSON.stringify(host)} is loopback`, () => assert.equal(isLoopbackHost(host), true));
  }
  for (const host of exposed) {
    it(`${JSON.stringify(host)} is not loopback`, () => assert.equal(isLoopbackHost(host), false));
  }
});
