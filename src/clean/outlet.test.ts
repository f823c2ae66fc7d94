import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostOutlet, isPlaceName } from './outlet.ts';

test('isPlaceName: countries in any form, regions and bare nationalities are places; a newspaper named for a nationality is not', () => {
  for (const place of ['U.S.', 'US', 'United States', 'Deutschland', 'UK', 'Europe', 'Middle East', 'World', 'England', 'American', 'Germans']) {
    assert.equal(isPlaceName(place), true, place);
  }
  for (const outlet of ['The Australian', 'AP News', 'U.S. News & World Report', 'Meridian Wire', 'Vice', '']) {
    assert.equal(isPlaceName(outlet), false, outlet);
  }
});

test("hostOutlet names a web address's host without www., and nothing for other addresses", () => {
  assert.equal(hostOutlet('https://www.apnews.com/article/x'), 'apnews.com');
  assert.equal(hostOutlet('http://WWW2.Example.ORG./a'), 'example.org');
  assert.equal(hostOutlet('https://news.example.co.uk/a'), 'news.example.co.uk');
  for (const url of [undefined, '', 'not a url', 'file:///tmp/a.html', 'http://localhost:8700/a', 'http://127.0.0.1/a', 'http://[::1]/a', '/news/a']) {
    assert.equal(hostOutlet(url), undefined, String(url));
  }
});
