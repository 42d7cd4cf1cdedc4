// The live commit stream (server-sent events from /v1/stream): every batch any worker commits, with its
// transitions and outbound messages. EventSource reconnects by itself; the status pill says how it goes.

/** Opens the stream; `onCommit` gets each commit record, `onStatus` 'live' | 'reconnecting' | 'closed'. */
export function openStream(onCommit, onStatus) {
  const source = new EventSource('/v1/stream');
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  source.addEventListener('commit', (event) => {
    try {
      onCommit(JSON.parse(event.data));
    } catch (error) {
      console.error('unreadable commit event', error);
    }
  });
  return source;
}
