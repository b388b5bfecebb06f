'use client';

import dynamic from 'next/dynamic';
import type { MapProps } from './ResultMap';

// Leaflet touches window: it is loaded in the browser only, and only on pages with a map.
const ResultMap = dynamic(() => import('./ResultMap'), {
  ssr: false,
  loading: () => <div className="map-frame" aria-hidden="true" />,
});

export default function MapPanel(props: MapProps) {
  return <ResultMap {...props} />;
}
