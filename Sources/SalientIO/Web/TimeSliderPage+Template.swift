extension TimeSliderPage {
    /// The page around its data: placeholders in double braces are filled by `html(leaflet:)`.
    /// The policy allows inline scripts and styles and data: images, and no request at all.
    static let template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
        style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Salient</title>
        <style>
        {{leaflet.css}}
        </style>
        <style>
        /* DejaVu, which fonts-dejavu-core installs, everywhere: Leaflet's own fonts would
           fall back to whatever fonts a machine happens to have. */
        html, body { margin: 0; height: 100%; font: 14px/1.4 "DejaVu Sans", sans-serif; color: #1a1a1a; }
        .leaflet-container, button, input, output { font-family: "DejaVu Sans", sans-serif; }
        .leaflet-bar a { font-family: "DejaVu Sans Mono", monospace; }
        body { display: grid; grid-template-rows: auto 1fr auto; grid-template-columns: 1fr 22em; height: 100vh; }
        header { grid-column: 1 / 3; padding: 0.5em 1em; border-bottom: 1px solid #ccc; display: flex;
          flex-wrap: wrap; align-items: center; gap: 0.5em 1.5em; }
        header h1 { font-size: 1.1em; margin: 0; }
        #controls { display: flex; align-items: center; gap: 0.6em; }
        #slider { width: 24em; }
        #day { font-weight: bold; min-width: 6.5em; }
        #figures span { margin-right: 1em; }
        .swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin-right: 0.3em; }
        #map { background: #ffffff; }
        aside { overflow-y: auto; padding: 0.5em 1em; border-left: 1px solid #ccc; }
        aside h2 { font-size: 1em; margin: 0.5em 0; }
        .claim { margin: 0 0 0.8em; }
        .verdict { font-weight: bold; }
        .verdict-contradicted { color: #b00020; }
        .verdict-consistent { color: #006d2c; }
        footer { grid-column: 1 / 3; padding: 0.3em 1em; font-size: 0.85em; color: #555; border-top: 1px solid #ccc; }
        .leaflet-popup-content ul { padding-left: 1.1em; margin: 0.3em 0; }
        </style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <div id="controls">
        <button id="play" type="button" aria-label="Play the days">▶ Play</button>
        <input id="slider" type="range" min="0" max="0" step="1" value="0" aria-label="Day">
        <output id="day" for="slider"></output>
        </div>
        <div id="figures"></div>
        </header>
        <div id="map"></div>
        <aside id="claims"><h2>Claims checked</h2><div id="claim-list"></div></aside>
        <footer id="footer"></footer>
        <script type="application/json" id="salient-data">{{data}}</script>
        <script>
        {{leaflet.js}}
        </script>
        <script>
        {{app.js}}
        </script>
        </body>
        </html>

        """

    /// The page's own script: builds every element from the data with `textContent`, so no
    /// text from a timeline is read as HTML, and links only `http(s)` URLs.
    static let application = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("salient-data").textContent);
          var days = data.days, colours = data.colours;
          var slider = document.getElementById("slider"), dayOut = document.getElementById("day");
          var play = document.getElementById("play"), figures = document.getElementById("figures");
          var claimList = document.getElementById("claim-list");
          slider.max = String(days.length - 1);

          function element(tag, text, className) {
            var e = document.createElement(tag);
            if (text !== undefined && text !== null) e.textContent = String(text);
            if (className) e.className = className;
            return e;
          }
          function link(url, text) {
            if (!/^https?:\\/\\//.test(url || "")) return element("span", text);
            var a = element("a", text);
            a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
            return a;
          }
          function active(p, day) { return p.start_date <= day && (p.end_date === null || day < p.end_date); }
          function km2(value) { return Number(value).toLocaleString("en-GB", { maximumFractionDigits: 1 }) + " km²"; }

          var map = L.map("map", { zoomSnap: 0.25, preferCanvas: false });
          map.attributionControl.setPrefix(false);
          map.attributionControl.addAttribution(data.attribution.map(function (a) {
            return a.replace(/&/g, "&amp;").replace(/</g, "&lt;");
          }).join(" · "));
          L.control.scale({ imperial: false }).addTo(map);
          var outline = L.geoJSON(data.outline, {
            interactive: false,
            style: function (f) {
              return f.properties.role === "border"
                ? { color: colours.border, weight: 2, dashArray: "6 4" }
                : { color: colours.territory_outline, weight: 1, fillColor: colours.territory, fillOpacity: 1 };
            }
          }).addTo(map);
          var tierLayer = L.layerGroup().addTo(map), eventLayer = L.layerGroup().addTo(map);
          // The front, not every event: statements from distant capitals would shrink it to a dot.
          var extent = L.geoJSON(data.tiers).getBounds();
          map.fitBounds(extent.isValid() ? extent.pad(0.6) : outline.getBounds());

          function sourceList(ids) {
            var list = element("ul");
            (ids || "").split("; ").filter(Boolean).forEach(function (id) {
              var s = data.sources[id], item = element("li");
              if (!s) { item.textContent = id; list.appendChild(item); return; }
              item.appendChild(link(s.url, s.outlet));
              item.appendChild(document.createTextNode(", " + s.published));
              list.appendChild(item);
            });
            return list;
          }
          function tierPopup(p) {
            var box = element("div");
            box.appendChild(element("strong", p.tier));
            box.appendChild(element("div", km2(p.area_km2) + ", " + p.depth_km + " km deep, from " + p.start_date +
              (p.end_date ? " until " + p.end_date : "")));
            box.appendChild(element("div", "events: " + p.events));
            box.appendChild(sourceList(p.sources));
            return box;
          }
          function eventPopup(p) {
            var box = element("div");
            box.appendChild(element("strong", p.kind + (p.place_name ? " — " + p.place_name : "")));
            box.appendChild(element("div", p.start_date + (p.date_precision === "day" ? "" : " to " + p.end_date) +
              (p.actor ? ", " + p.actor : "")));
            box.appendChild(element("div", p.summary));
            box.appendChild(sourceList(p.sources));
            return box;
          }
          function showFigures(day) {
            figures.textContent = "";
            var row = (data.series.days || []).filter(function (d) { return d.date === day; })[0];
            if (!row) return;
            [["controlled", row.controlled_km2], ["contested", row.contested_km2]].forEach(function (t) {
              var span = element("span"), swatch = element("span", null, "swatch");
              swatch.style.background = colours[t[0]];
              span.appendChild(swatch);
              span.appendChild(document.createTextNode(t[0] + " " + km2(t[1])));
              figures.appendChild(span);
            });
            if (row.upper_km2 !== undefined) {
              figures.appendChild(element("span", "certain " + km2(row.lower_km2) + ", not contradicted " + km2(row.upper_km2)));
            }
            var begun = row.events_on_day == 1 ? " event begun that day" : " events begun that day";
            figures.appendChild(element("span", row.events_on_day + begun));
          }
          function showClaims(day) {
            claimList.textContent = "";
            var claims = data.check ? data.check.claims : [];
            var shown = claims.filter(function (c) { return c.as_of <= day; });
            if (shown.length === 0) claimList.appendChild(element("p", "No claim is dated on or before this day."));
            shown.forEach(function (c) {
              var box = element("div", null, "claim");
              box.appendChild(element("div", c.claimant + ", as of " + c.as_of + ": " + c.as_written));
              var verdict = element("div", c.verdict, "verdict verdict-" + c.verdict);
              box.appendChild(verdict);
              box.appendChild(element("div", c.reason));
              claimList.appendChild(box);
            });
          }
          function show(index) {
            index = Math.max(0, Math.min(days.length - 1, index));
            var day = days[index];
            slider.value = String(index);
            dayOut.textContent = day;
            document.body.setAttribute("data-day", day);
            tierLayer.clearLayers();
            eventLayer.clearLayers();
            data.tiers.features.filter(function (f) { return active(f.properties, day); }).forEach(function (f) {
              var tier = f.properties.tier;
              L.geoJSON(f, { style: { color: colours[tier], weight: 1, fillColor: colours[tier],
                fillOpacity: colours[tier + "_opacity"] } }).bindPopup(tierPopup(f.properties)).addTo(tierLayer);
            });
            data.events.features.filter(function (f) { return f.properties.start_date <= day; }).forEach(function (f) {
              var today = active(f.properties, day), c = f.geometry.coordinates;
              L.circleMarker([c[1], c[0]], { radius: today ? 7 : 4, color: colours.ink, weight: 1,
                fillColor: today ? colours.ink : "#ffffff", fillOpacity: today ? 0.85 : 0.6 })
                .bindPopup(eventPopup(f.properties)).addTo(eventLayer);
            });
            showFigures(day);
            showClaims(day);
            try { history.replaceState(null, "", "#" + day); } catch (e) { /* some file:// pages refuse */ }
          }
          var timer = null;
          function stop() { clearInterval(timer); timer = null; play.textContent = "▶ Play"; }
          play.addEventListener("click", function () {
            if (timer) { stop(); return; }
            if (Number(slider.value) >= days.length - 1) show(0);
            play.textContent = "❚❚ Pause";
            timer = setInterval(function () {
              if (Number(slider.value) >= days.length - 1) { stop(); return; }
              show(Number(slider.value) + 1);
            }, 800);
          });
          slider.addEventListener("input", function () { stop(); show(Number(slider.value)); });
          document.getElementById("footer").textContent = data.method;
          var requested = days.indexOf(decodeURIComponent(location.hash.slice(1)));
          show(requested >= 0 ? requested : days.length - 1);
          window.salientPage = {
            show: show,
            day: function () { return days[Number(slider.value)]; },
            tierCount: function () { return tierLayer.getLayers().length; },
            eventCount: function () { return eventLayer.getLayers().length; },
            openEventPopup: function (i) {
              var layer = eventLayer.getLayers()[i];
              layer.openPopup();
              return layer.getPopup().getElement().innerText;
            }
          };
        }());

        """
}
