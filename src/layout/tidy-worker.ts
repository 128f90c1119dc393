/** A module worker that lays out large view trees off the page's thread (src/ui/chart/layout-client.ts). */
import { layoutRequest, replyBuffers, type LayoutRequest } from './tidy-message.ts';

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const reply = layoutRequest(e.data);
  (self as unknown as Worker).postMessage(reply, replyBuffers(reply));
};
