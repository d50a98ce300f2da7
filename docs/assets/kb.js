// "Copy link" on figure rows and timeline entries: copies the public URL of
// the row (canonical page address from site_url + the row's stable id), the
// form analysts paste into their wikis.
(function () {
  function publicUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href.split("#")[0];
    return base.split("#")[0] + "#" + id;
  }
  function addButtons() {
    document.querySelectorAll(".kb-figure[id], .kb-event[id]").forEach(function (row) {
      if (row.querySelector(".kb-copy")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-copy";
      button.title = "复制链接 Copy link";
      button.setAttribute("aria-label", "复制链接 Copy link");
      button.textContent = "#";
      button.addEventListener("click", function () {
        var url = publicUrl(row.id);
        var done = function () { button.textContent = "✓"; setTimeout(function () { button.textContent = "#"; }, 1500); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { window.prompt("复制链接 Copy link", url); });
        } else {
          window.prompt("复制链接 Copy link", url);
        }
      });
      row.appendChild(button);
    });
  }
  if (window.document$) { window.document$.subscribe(addButtons); } else { document.addEventListener("DOMContentLoaded", addButtons); }
})();

// Promises page: the topic and status filters hide the milestone rows (and
// chart rows) that do not match. Without script every row stays visible.
(function () {
  function filter(form) {
    var topic = form.elements.topic.value, status = form.elements.status.value;
    document.querySelectorAll(".kb-milestone").forEach(function (row) {
      var shown = (!topic || row.dataset.topic === topic) && (!status || row.dataset.status === status);
      row.hidden = !shown;
    });
  }
  function setup() {
    document.querySelectorAll("form.kb-filters").forEach(function (form) {
      form.addEventListener("change", function () { filter(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
