/** Distance metrics for coordinate-based costs. */
export type DistanceMetric = 'euclidean' | 'haversine';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between (lon, lat) points given in degrees. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Distance between (x1, y1) and (x2, y2); for haversine x is longitude and y latitude. */
export function distance(metric: DistanceMetric, x1: number, y1: number, x2: number, y2: number): number {
  return metric === 'haversine' ? haversineKm(x1, y1, x2, y2) : Math.hypot(x2 - x1, y2 - y1);
}
