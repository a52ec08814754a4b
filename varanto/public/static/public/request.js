/* Tee tietopyyntö, progressively enhanced: copy and print buttons, and a mailto link that follows
   the user's edits. Nothing here sends anything to the server. */
(function () {
  "use strict";
  var text = document.getElementById("request-text");
  if (!text) { return; }
  var status = document.querySelector(".request-status");
  var mailto = document.getElementById("request-mailto");
  var printCopy = document.querySelector(".request-print");

  function sync() {
    if (printCopy) { printCopy.textContent = text.value; }
    if (mailto) {
      mailto.href = "mailto:" + text.dataset.email +
        "?subject=" + encodeURIComponent(text.dataset.subject) +
        "&body=" + encodeURIComponent(text.value.replace(/\r?\n/g, "\r\n"));
    }
  }

  function say(message) { status.textContent = message; }

  function copyBySelection() {
    text.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    say(copied ? status.dataset.copied : status.dataset.copyFailed);
  }

  function copy() {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(function () { say(status.dataset.copied); }, copyBySelection);
    } else {
      copyBySelection();
    }
  }

  function printRequest() {
    sync();
    document.body.classList.add("print-request");
    window.addEventListener("afterprint", function () { document.body.classList.remove("print-request"); }, { once: true });
    window.print();
  }

  text.addEventListener("input", sync);
  Array.prototype.forEach.call(document.querySelectorAll("[data-request-action]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (button.dataset.requestAction === "copy") { copy(); } else { printRequest(); }
    });
  });
})();
