// Search in the browser for the static copy of the site: every search word must occur in a resource's
// words (name, section, purpose, key data sets, keywords); matches in the name come first.
(function () {
  "use strict";
  var form = document.querySelector("[data-in-browser-search]");
  var documents = window.varantoSearchIndex;
  if (!form || !documents) return;
  var input = form.querySelector("input[name=q]");
  var count = document.getElementById("in-browser-count");
  var list = document.getElementById("in-browser-results");
  // From disk a folder does not open its index.html by itself.
  var suffix = window.location.protocol === "file:" ? "index.html" : "";

  function words(text) {
    return text.toLocaleLowerCase().split(/[\s,.;:!?()"”“]+/).filter(Boolean);
  }

  function show(query) {
    var wanted = words(query);
    list.textContent = "";
    if (!wanted.length) { count.textContent = ""; return; }
    var found = documents.map(function (doc) {
      var name = doc.name.toLocaleLowerCase();
      var all = [name, doc.section, doc.text].join(" ").toLocaleLowerCase();
      if (!wanted.every(function (w) { return all.indexOf(w) !== -1; })) return null;
      return { doc: doc, inName: wanted.filter(function (w) { return name.indexOf(w) !== -1; }).length };
    }).filter(Boolean);
    found.sort(function (a, b) { return b.inName - a.inName || a.doc.name.localeCompare(b.doc.name); });
    count.textContent = found.length ? count.dataset.some.replace("{count}", found.length) : count.dataset.none;
    found.forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = "../../tietovaranto/" + encodeURIComponent(hit.doc.key) + "/" + suffix;
      link.textContent = hit.doc.name;
      heading.appendChild(link);
      var section = document.createElement("p");
      section.className = "result-section";
      section.textContent = hit.doc.section;
      item.appendChild(heading);
      item.appendChild(section);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    try {
      history.replaceState(null, "", params.toString() ? "?" + params : window.location.pathname);
    } catch (error) {
      // Some browsers refuse to change the address of a page opened from disk; the results are shown anyway.
    }
  });
}());
