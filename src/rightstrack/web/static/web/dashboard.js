// Draws every chart of the page from its Vega-Lite spec (embedded as JSON by the server).
// Expressions are evaluated by vega-interpreter: no eval, so the Content-Security-Policy stays strict.
(function () {
  "use strict";
  if (typeof vegaEmbed === "undefined") { return; }
  document.querySelectorAll("div.vega").forEach(function (target) {
    var holder = document.getElementById(target.id.replace(/^chart-/, ""));
    if (!holder) { return; }
    var spec = JSON.parse(holder.textContent);
    vegaEmbed(target, spec, {
      ast: true,
      expr: window.vegaExpressionInterpreter,
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false }
    }).then(function () { target.setAttribute("data-rendered", "true"); })
      .catch(function (error) { target.textContent = "The chart could not be drawn: " + error; });
  });
  // Changing a filter applies it at once (the Apply button does the same without JavaScript).
  var form = document.getElementById("dashboard-filters");
  if (form) {
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { form.submit(); });
    });
  }
})();
