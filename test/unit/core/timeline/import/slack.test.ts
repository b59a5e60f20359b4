import * as assert from 'node:assert/strict';
import {
  chooseSlackChannel,
  eventsJson,
  readable,
  readSlackChannels,
  slackDayFiles,
  slackEvents,
  TimelineImportError,
  type SlackExportFiles,
} from '../../../../../src/core/timeline/import';
import { CHANNELS, INCIDENT_DAY_1, INCIDENT_DAY_2, ts, USERS } from '../../../../fixtures/timelineImport/exports';

const channels = readSlackChannels({ path: 'channels.json', data: CHANNELS });
const files: SlackExportFiles = {
  channels,
  users: { path: 'users.json', data: USERS },
  days: [
    { path: 'inc/2026-03-15.json', data: INCIDENT_DAY_1 },
    { path: 'inc/2026-03-16.json', data: INCIDENT_DAY_2 },
  ],
};

describe('slackEvents', () => {
  it('reads the channel over two days as readable events in UTC, threads flattened in time order', () => {
    assert.deepEqual(
      eventsJson(slackEvents(files, {})).map((e) => `${e.time} ${e.author}: ${e.text}`),
      [
        '2026-03-15T23:41:10Z Datadog: Triggered: checkout p99 latency > 2s on checkout-api',
        '2026-03-15T23:43:00Z alice: looking at #inc-2026-03-15-checkout dashboards, @Bob Ortiz can you check the checkout board (https://grafana.example.com/d/checkout)?',
        '2026-03-15T23:45:00Z Bob Ortiz: errors started at 23:38 & they are all 504s <from the gateway>',
        '2026-03-15T23:47:00Z carol: declared SEV2, @here please stay in thread',
        '2026-03-16T00:02:00Z Bob Ortiz: rolled back the gateway to v41 (deploy 7f3a)',
        '2026-03-16T00:05:00Z alice: the 23:30 deploy touched the gateway timeouts',
        '2026-03-16T00:25:00Z Datadog: Recovered: checkout p99 latency is back to normal',
        '2026-03-16T00:30:00Z alice: all clear, closing. notes in oncall@example.com',
      ],
    );
  });

  it('drops joins, leaves and deletions, and keeps one event per message when an edit repeats it', () => {
    const texts = slackEvents(files, {}).map((e) => e.text);
    assert.ok(!texts.some((t) => /has joined|has left/.test(t)));
    assert.equal(texts.filter((t) => t.startsWith('rolled back the gateway')).length, 1);
    assert.ok(texts.includes('rolled back the gateway to v41 (deploy 7f3a)'), 'the edited text wins');
  });

  it('takes the first bot alert as the detection, stated by the source', () => {
    const detection = slackEvents(files, {}).filter((e) => e.milestone !== null);
    assert.deepEqual(
      detection.map((e) => [e.author, e.milestone, e.explicit]),
      [['Datadog', 'detection', true]],
    );
  });

  it('keeps only the messages of the window, both ends included', () => {
    const since = Date.parse('2026-03-15T23:47:00Z');
    const until = Date.parse('2026-03-16T00:05:00Z');
    assert.deepEqual(
      slackEvents(files, { since, until }).map((e) => e.at),
      [since, Date.parse('2026-03-16T00:02:00Z'), until],
    );
  });

  it('reads a bot message without text from its attachments, and one with only a file from the file name', () => {
    const events = slackEvents(
      {
        channels,
        days: [
          {
            path: 'd.json',
            data: [
              {
                type: 'message',
                subtype: 'bot_message',
                bot_id: 'B1',
                bot_profile: { name: 'Alertmanager' },
                text: '',
                attachments: [{ title: '[FIRING:1] HighErrorRate' }],
                ts: ts('2026-03-15T10:00:00Z'),
              },
              { type: 'message', user: 'U9', text: '', files: [{ name: 'heap.png' }], ts: ts('2026-03-15T10:01:00Z') },
              { type: 'message', user: 'U9', text: '   ', ts: ts('2026-03-15T10:02:00Z') },
            ],
          },
        ],
      },
      {},
    );
    assert.deepEqual(
      events.map((e) => [e.author, e.text, e.milestone]),
      [
        ['Alertmanager', '[FIRING:1] HighErrorRate', 'detection'],
        ['U9', '(shared a file: heap.png)', null],
      ],
    );
  });

  it('skips entries that are no message (no ts, not an object) and says which file is not a day file', () => {
    assert.deepEqual(
      slackEvents({ channels, days: [{ path: 'd.json', data: [null, 3, { type: 'message', text: 'no ts' }] }] }, {}),
      [],
    );
    assert.throws(
      () => slackEvents({ channels, days: [{ path: 'inc/2026-03-15.json', data: { messages: [] } }] }, {}),
      (e: unknown) =>
        e instanceof TimelineImportError && e.file === 'inc/2026-03-15.json' && /not a Slack day file/.test(e.message),
    );
  });
});

describe('readable', () => {
  const users = new Map([['U1', 'alice']]);
  const chans = new Map([['C1', 'ops']]);
  it('turns mentions, channel links, broadcasts, user groups and links into text', () => {
    assert.equal(
      readable(
        '<@U1> <@U2|bob> <#C1> <#C2|general> <!here> <!subteam^S1|@sre> <https://x.io> <https://x.io/a|docs> a &lt;b&gt; &amp;\n c',
        users,
        chans,
      ),
      '@alice @bob #ops #general @here @sre https://x.io docs (https://x.io/a) a <b> & c',
    );
  });
  it('leaves text without markup as it is', () => {
    assert.equal(readable('a < b and c > d', users, chans), 'a < b and c > d');
  });
});

describe('chooseSlackChannel', () => {
  it('finds a channel by name, with or without #, any case, or by id', () => {
    assert.equal(chooseSlackChannel(channels, '#INC-2026-03-15-checkout', 'channels.json').id, 'C01INC');
    assert.equal(chooseSlackChannel(channels, 'C02GEN', 'channels.json').name, 'general');
  });
  it('names the file and lists the channels when the channel is not there or not chosen', () => {
    assert.throws(() => chooseSlackChannel(channels, 'inc-nope', 'x/channels.json'), {
      message:
        'x/channels.json: no channel named #inc-nope in the export; its channels: #inc-2026-03-15-checkout, #general.',
    });
    assert.throws(() => chooseSlackChannel(channels, undefined, 'x/channels.json'), /has 2 channels .*--channel NAME/);
    assert.equal(chooseSlackChannel(channels.slice(1), undefined, 'c.json').name, 'general');
  });
  it('refuses a channel list that is not a list', () => {
    assert.throws(
      () => readSlackChannels({ path: 'channels.json', data: { channels: [] } }),
      /channels.json: not a Slack channel list/,
    );
  });
});

describe('slackDayFiles', () => {
  it('keeps the day files that may hold messages of the window (a day either side), sorted', () => {
    const names = [
      '2026-03-17.json',
      '2026-03-14.json',
      '2026-03-15.json',
      'notes.txt',
      '2026-03-12.json',
      '2026-03-16.json',
    ];
    assert.deepEqual(slackDayFiles(names, {}), [
      '2026-03-12.json',
      '2026-03-14.json',
      '2026-03-15.json',
      '2026-03-16.json',
      '2026-03-17.json',
    ]);
    assert.deepEqual(
      slackDayFiles(names, { since: Date.parse('2026-03-15T12:00:00Z'), until: Date.parse('2026-03-15T13:00:00Z') }),
      ['2026-03-14.json', '2026-03-15.json', '2026-03-16.json'],
    );
  });
});
