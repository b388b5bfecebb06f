'use client';

import { useState } from 'react';

/**
 * The result's map, closed until the reader opens it: its code (Leaflet) and its tiles are
 * fetched only then, so a link opened by a crowd on phones costs them neither. Once opened it
 * stays mounted.
 */
export default function MapSection({ heading, hint, children }: { heading: string; hint: string; children: React.ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="map-section" data-testid="map-section" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <h2>{heading}</h2>
        {!opened && <span className="small">{hint}</span>}
      </summary>
      {opened && children}
    </details>
  );
}
