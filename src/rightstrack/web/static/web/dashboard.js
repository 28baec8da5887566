// Draws every chart of the page from its Vega-Lite spec (embedded as JSON by the server).
// Expressions are evaluated by vega-interpreter: no eval, so the Content-Security-Policy stays strict.
(function () {
  "use strict";
  if (typeof vegaEmbed === "undefined") { return; }

  // Below this width (a phone) the legend goes under the plot, long axis labels are shortened and the title
  // wraps: on the right, the legend and the theme names left the plot 0 px or less, and Vega drew no bar.
  var NARROW = 560;

  function titleText(title) {
    if (!title) { return ""; }
    if (typeof title === "string") { return title; }
    return Array.isArray(title.text) ? title.text.join(" ") : String(title.text || "");
  }

  function wrap(text, perLine) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > perLine) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    return lines;
  }

  function fit(spec, width) {
    if (!width || width >= NARROW) { return spec; }
    width -= 40; // vega-embed keeps this much on the right for its menu button
    var config = spec.config = spec.config || {};
    config.legend = Object.assign(
      { orient: "bottom", direction: "vertical", labelLimit: width - 30, titleLimit: width }, config.legend);
    config.axisY = Object.assign({ labelLimit: Math.round(width * 0.38) }, config.axisY);
    config.axisX = Object.assign({ labelLimit: 90 }, config.axisX);
    var title = typeof spec.title === "object" && spec.title !== null ? spec.title : {};
    // About 8 px a character in Vega's 13 px bold title font (a little more than the mean, for wide letters).
    spec.title = Object.assign({}, title, {
      text: wrap(titleText(spec.title), Math.max(12, Math.floor(width / 8))),
      anchor: "start",
      frame: "bounds"
    });
    return spec;
  }

  document.querySelectorAll("div.vega").forEach(function (target) {
    var holder = document.getElementById(target.id.replace(/^chart-/, ""));
    if (!holder) { return; }
    var spec = JSON.parse(holder.textContent);
    var name = titleText(spec.title) + (spec.description ? ". " + spec.description : "");
    vegaEmbed(target, fit(spec, target.clientWidth), {
      ast: true,
      expr: window.vegaExpressionInterpreter,
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false }
    }).then(function () {
      // The drawing is one image named by its title (the table beside it gives the figures).
      var drawing = target.querySelector("svg");
      if (drawing) {
        drawing.setAttribute("role", "img");
        drawing.setAttribute("aria-label", name);
        drawing.removeAttribute("aria-roledescription");
      }
      var menu = target.querySelector("details > summary");
      if (menu && target.dataset.actionsLabel) { menu.setAttribute("aria-label", target.dataset.actionsLabel); }
      target.setAttribute("data-rendered", "true");
    }).catch(function (error) { target.textContent = "The chart could not be drawn: " + error; });
  });
  // Changing a filter applies it at once (the Apply button does the same without JavaScript).
  var form = document.getElementById("dashboard-filters");
  if (form) {
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { form.submit(); });
    });
  }
})();
