// Builds crates/vigie-serve/src/assets/world.json, the country outlines of the
// dashboard map, from Natural Earth 1:110m (public domain) as redistributed by
// the npm package world-atlas (ISC). Run at development time:
//   npm install world-atlas@2 topojson-client@3 && node tools/build_world.js > crates/vigie-serve/src/assets/world.json
const topo = require("world-atlas/countries-110m.json");
const { feature } = require("topojson-client");
const geo = feature(topo, topo.objects.countries);
// A tenth of a degree is finer than the map's pixels.
const round = (c) => (Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 10) / 10, Math.round(c[1] * 10) / 10]);
const out = {
  type: "FeatureCollection",
  features: geo.features.map((f) => ({
    type: "Feature",
    properties: { name: f.properties.name },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  })),
};
process.stdout.write(JSON.stringify(out));
