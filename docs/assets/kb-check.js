// 待核实 page (build_scripts/pages/render_to_check.py): a copy
// button under each ready-to-paste YAML entry, and the topic and kind
// filters. Without script the entries stay visible and can be selected.
(function () {
  var traditional = document.documentElement.lang === "zh-Hant";
  var COPY = traditional ? "複製 YAML" : "复制 YAML";
  var COPIED = traditional ? "已複製" : "已复制";

  function copy(text, button) {
    var done = function () { button.textContent = COPIED; setTimeout(function () { button.textContent = COPY; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt(COPY, text); });
    } else {
      window.prompt(COPY, text);
    }
  }

  function setup() {
    document.querySelectorAll(".kb-check-item pre").forEach(function (pre) {
      if (pre.nextElementSibling && pre.nextElementSibling.classList.contains("kb-snippet-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-snippet-copy";
      button.textContent = COPY;
      button.addEventListener("click", function () { copy(pre.textContent.replace(/\n$/, "") + "\n", button); });
      pre.insertAdjacentElement("afterend", button);
    });
    document.querySelectorAll("form.kb-check-filters").forEach(function (form) {
      var filter = function () {
        var topic = form.elements.topic.value, kind = form.elements.kind.value;
        document.querySelectorAll(".kb-check-item").forEach(function (item) {
          item.hidden = !((!topic || item.dataset.topic === topic) && (!kind || item.dataset.kind === kind));
        });
      };
      form.addEventListener("change", filter);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
