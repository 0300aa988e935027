import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './live-events.ts';

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
