import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/load-config.ts';
import { formatStartupBanner } from './format-startup-banner.ts';

describe('formatStartupBanner', () => {
  it('names the database with its password redacted, says FAKE providers loudly, and lists the URLs', () => {
    const banner = formatStartupBanner({
      config: loadConfig({
        DB_URL: 'postgres://prompter:s3cret-pw@db.internal:5432/prompter',
        REDIS_URL: 'redis://default:redis-pw@cache:6379',
      }),
      version: '1.2.3',
      address: 'http://127.0.0.1:8000',
      authMode: 'off',
      envFile: '/srv/prompter/.env',
    });
    assert.ok(!banner.includes('s3cret-pw'));
    assert.ok(!banner.includes('redis-pw'));
    assert.match(banner, /^Prompter 1\.2\.3 is serving$/m);
    assert.match(
      banner,
      /database +postgres:\/\/prompter:\*\*\*@db\.internal:5432\/prompter \(PostgreSQL\)/,
    );
    assert.match(banner, /providers +\*\*\* FAKE providers: answers are simulated/);
    assert.match(banner, /auth +off on this loopback address/);
    assert.match(banner, /redis +redis:\/\/default:\*\*\*@cache:6379/);
    assert.match(banner, /config +environment over \/srv\/prompter\/\.env/);
    assert.match(banner, /API +http:\/\/127\.0\.0\.1:8000\/api$/m);
    assert.match(banner, /docs +http:\/\/127\.0\.0\.1:8000\/docs$/m);
    assert.match(banner, /metrics +http:\/\/127\.0\.0\.1:8000\/metrics$/m);
  });

  it('live providers, required auth, no Redis, a metrics token and no .env', () => {
    const banner = formatStartupBanner({
      config: loadConfig({
        PROMPTER_PROVIDER_MODE: 'live',
        METRICS_TOKEN: 'metrics-secret',
        HOST: '0.0.0.0',
      }),
      version: '1.2.3',
      address: 'http://0.0.0.0:8000',
      authMode: 'required',
      envFile: null,
    });
    assert.ok(!banner.includes('FAKE'));
    assert.ok(!banner.includes('metrics-secret'));
    assert.match(banner, /database +sqlite:\/\/\/\.\/prompter\.db \(SQLite\)/);
    assert.match(banner, /providers +live/);
    assert.match(banner, /auth +API keys required/);
    assert.match(banner, /redis +not configured/);
    assert.match(banner, /config +environment only \(no \.env\)/);
    assert.match(banner, /metrics +http:\/\/0\.0\.0\.0:8000\/metrics \(bearer METRICS_TOKEN\)/);
  });

  it('says so when auth was switched off explicitly', () => {
    const banner = formatStartupBanner({
      config: loadConfig({ PROMPTER_AUTH: 'off' }),
      version: '1',
      address: 'http://127.0.0.1:1',
      authMode: 'off',
      envFile: null,
    });
    assert.match(banner, /auth +OFF \(PROMPTER_AUTH=off\)/);
  });
});
