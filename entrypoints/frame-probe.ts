import { defineUnlistedScript } from '#imports';
import { probeFrame } from '@/src/content/frame-probe';

// Run by the background in every frame of a page whose top frame holds a frame large
// enough to read; its value (the script's last expression) says whether to inject the
// loader (content.ts) into this frame.
export default defineUnlistedScript(() => probeFrame(window));
