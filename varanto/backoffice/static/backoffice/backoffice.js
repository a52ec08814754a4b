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

  // On a phone the menu folds behind one button that says where one is; Escape folds it again.
  document.querySelectorAll("[data-menu]").forEach(function (nav) {
    var toggle = nav.querySelector(".mainnav__toggle");
    if (!toggle) return;
    toggle.hidden = false;
    nav.classList.add("mainnav--folding");
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  });

  // A table wider than the page scrolls in a frame of its own. A frame that does scroll is a named
  // region that takes the keyboard's focus, so it can be scrolled without a mouse (WCAG 1.4.10, 2.1.1).
  var frames = [];
  document.querySelectorAll("main table").forEach(function (table) {
    if (table.closest(".graph-frame, .table-scroll")) return;
    var frame = document.createElement("div");
    frame.className = "table-scroll";
    table.parentNode.insertBefore(frame, table);
    frame.appendChild(table);
    frames.push(frame);
  });
  function heading(table) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var headings = Array.prototype.filter.call(document.querySelectorAll("main h1, main h2, main h3"), function (h) {
      return h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    return headings.length ? headings[headings.length - 1].textContent.trim() : document.title;
  }
  function markScrolling() {
    var names = {};
    frames.forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        var name = heading(frame.firstElementChild);
        names[name] = (names[name] || 0) + 1;
        frame.setAttribute("role", "region");
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("aria-label", names[name] > 1 ? name + " (" + names[name] + ")" : name);
      } else {
        frame.removeAttribute("role");
        frame.removeAttribute("tabindex");
        frame.removeAttribute("aria-label");
      }
    });
  }
  if (frames.length) {
    markScrolling();
    window.addEventListener("resize", markScrolling);
  }

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
