// Live events from GET /events, read with fetch() streaming because EventSource cannot send the
// Authorization header. After a drop it reconnects with Last-Event-ID and gets exactly what it
// missed; when the service no longer holds those events (410) it asks the page to reload its data.
import { session } from './api.js';

export class LiveStream {
  constructor(query, onEvent, onStatus = () => {}) {
    this.query = query;
    this.onEvent = onEvent;
    this.onStatus = onStatus;
    this.lastId = null;
    this.stopped = false;
    this.controller = null;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    if (this.controller) this.controller.abort();
  }

  async connect() {
    while (!this.stopped) {
      this.controller = new AbortController();
      const headers = { Authorization: 'Bearer ' + session.token(), Accept: 'text/event-stream' };
      if (this.lastId !== null) headers['Last-Event-ID'] = String(this.lastId);
      try {
        const res = await fetch('/events?' + new URLSearchParams(this.query), { headers, signal: this.controller.signal });
        if (res.status === 410) {
          this.lastId = null;
          this.onStatus('reset');
          continue;
        }
        if (!res.ok) throw new Error('events: HTTP ' + res.status);
        this.onStatus('live');
        await this.read(res.body.getReader());
      } catch (e) {
        if (this.stopped) return;
      }
      this.onStatus('reconnecting');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        this.dispatch(block);
      }
    }
  }

  dispatch(block) {
    let id = null;
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (!data.length) return;
    if (id !== null) this.lastId = id;
    this.onEvent(JSON.parse(data.join('\n')));
  }
}
