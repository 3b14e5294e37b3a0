// Resizes tradegap iframes to the height their page reports. Include once in the host
// page: <script src=".../embed-loader.js" defer></script>. Messages are accepted only
// from a frame on this page whose origin matches the frame's own src.
(() => {
  if (window.__tradegapLoader) return;
  window.__tradegapLoader = true;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'tradegap:height' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      let origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch {
        return;
      }
      if (origin !== event.origin) return;
      const height = Math.max(0, Math.min(Math.round(data.height), 10000));
      frame.style.height = `${height}px`;
      return;
    }
  });
})();
