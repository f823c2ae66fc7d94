import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IngestError } from './ingest-error.ts';

test('an IngestError carries its code, message, cause and status', () => {
  const cause = new Error('socket hang up');
  const error = new IngestError('http-status', 'https://x.example/a: HTTP 503 Service Unavailable', { cause, status: 503 });
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'IngestError');
  assert.equal(error.code, 'http-status');
  assert.equal(error.status, 503);
  assert.equal(error.cause, cause);
  assert.equal(String(error), 'IngestError: https://x.example/a: HTTP 503 Service Unavailable');
});

test('an IngestError without options has no cause or status', () => {
  const error = new IngestError('empty', 'a.txt: the file is empty');
  assert.equal('cause' in error, false);
  assert.equal('status' in error, false);
});
