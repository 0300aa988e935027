import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateForChange, readServerSentEvents } from './live-events.ts';
import { queryKeys } from './query-keys.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const out: { event: string; data: string }[] = [];
  for await (const message of readServerSentEvents(streamOf(chunks))) out.push(message);
  return out;
}

describe('readServerSentEvents', () => {
  it('reads named events, skips comments and joins data lines', async () => {
    expect(
      await collect([
        'event: ready\ndata: {"projectId":"p"}\n\n',
        ': keep-alive\n\n',
        'event: change\ndata: {"entity":"work-items",\ndata: "id":"1"}\n\n',
      ]),
    ).toEqual([
      { event: 'ready', data: '{"projectId":"p"}' },
      { event: 'change', data: '{"entity":"work-items",\n"id":"1"}' },
    ]);
  });

  it('handles messages split anywhere across chunks, CRLF line ends and multi-byte text', async () => {
    const text = 'event: change\r\ndata: {"name":"Zürich — go live"}\r\n\r\nevent: change\ndata: 2\n\n';
    const bytes = new TextEncoder().encode(text);
    // Split inside the multi-byte "ü" and between the two blank-line bytes.
    const cut = [5, 27, 28, 50, 51, bytes.length];
    const chunks: Uint8Array[] = [];
    let from = 0;
    for (const to of cut) {
      chunks.push(bytes.slice(from, to));
      from = to;
    }
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    });
    const out: { event: string; data: string }[] = [];
    for await (const m of readServerSentEvents(stream)) out.push(m);
    expect(out).toEqual([
      { event: 'change', data: '{"name":"Zürich — go live"}' },
      { event: 'change', data: '2' },
    ]);
  });
});

describe('invalidateForChange', () => {
  function staleAfter(entity: string): string[] {
    const client = new QueryClient();
    const keys = {
      engineering: [...queryKeys.engineering('p'), 'dora'],
      schedule: queryKeys.schedule('p'),
      risks: queryKeys.collection('p', 'raid-entries'),
      other: queryKeys.summary('q'),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, 1);
    invalidateForChange(client, 'p', { entity });
    return Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  }

  it('refreshes what engineering signals feed (DORA, engineering state) only when a signal changes', () => {
    expect(staleAfter('deployments')).toEqual(['engineering', 'schedule']);
    expect(staleAfter('ci-runs')).toEqual(['engineering', 'schedule']);
    expect(staleAfter('raid-entries')).toEqual(['risks', 'schedule']);
  });
});
