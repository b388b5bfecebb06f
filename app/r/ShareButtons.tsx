'use client';

import { useEffect, useState } from 'react';

/** Copy the link, or hand it to the system's share sheet where there is one. */
export default function ShareButtons({ url, title, copy, copied, share }: { url: string; title: string; copy: string; copied: string; share: string }) {
  const [done, setDone] = useState(false);
  const [canShare, setCanShare] = useState(false);
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);
  return (
    <div className="buttons">
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
          } catch {
            // Older in-app browsers: select the link text instead.
            const el = document.getElementById('share-link');
            if (el) window.getSelection()?.selectAllChildren(el);
            document.execCommand?.('copy');
          }
          setDone(true);
          setTimeout(() => setDone(false), 2500);
        }}
      >
        {done ? copied : copy}
      </button>
      {canShare && (
        <button type="button" className="secondary" onClick={() => navigator.share({ title, url }).catch(() => {})}>
          {share}
        </button>
      )}
    </div>
  );
}
