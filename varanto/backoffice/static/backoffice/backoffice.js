// Small enhancements; every page works without them.
(function () {
  "use strict";

  // "Add row" without a round trip: copy the row template and count it in the management form.
  document.querySelectorAll("[data-rows]").forEach(function (rows) {
    var prefix = rows.getAttribute("data-rows");
    var button = rows.querySelector('button[name="add_row"]');
    var template = rows.querySelector("template");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!button || !template || !total) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var body = rows.querySelector("tbody");
      body.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var first = body.lastElementChild.querySelector("input, select, textarea");
      if (first) first.focus();
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Relationship graph: light up what a node connects to while it is pointed at or focused.
  document.querySelectorAll("[data-graph]").forEach(function (frame) {
    var edges = frame.querySelectorAll(".edge");
    function light(node) {
      var id = node.getAttribute("data-node");
      var near = (node.getAttribute("data-neighbours") || "").split(" ");
      near.push(id);
      frame.classList.add("is-active");
      frame.querySelectorAll(".node").forEach(function (other) {
        other.classList.toggle("is-lit", near.indexOf(other.getAttribute("data-node")) !== -1);
      });
      edges.forEach(function (edge) {
        edge.classList.toggle("is-lit", edge.getAttribute("data-ends").split(" ").indexOf(id) !== -1);
      });
    }
    function clear() {
      frame.classList.remove("is-active");
    }
    frame.querySelectorAll(".node").forEach(function (node) {
      node.addEventListener("mouseenter", function () { light(node); });
      node.addEventListener("focus", function () { light(node); });
      node.addEventListener("mouseleave", clear);
      node.addEventListener("blur", clear);
    });
  });
})();
