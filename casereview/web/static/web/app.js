// casereview workspace: drag-and-drop uploads with progress, and live review status. No framework.
"use strict";
(function () {
  function $(sel) { return document.querySelector(sel); }

  // -- uploads: files or whole folders, dropped or chosen; each file sent with its relative path.
  var form = $("#upload-form");
  if (form) {
    var picked = [];
    var drop = $("#drop"), chosen = $("#chosen");
    function show() {
      chosen.textContent = picked.length ? "已选择 " + picked.length + " 个文件" : "";
    }
    function add(file, path) { picked.push({ file: file, path: path || file.webkitRelativePath || file.name }); }
    $("#files").addEventListener("change", function (e) { Array.prototype.forEach.call(e.target.files, function (f) { add(f); }); show(); });
    $("#folder").addEventListener("change", function (e) { Array.prototype.forEach.call(e.target.files, function (f) { add(f); }); show(); });
    function walk(entry, prefix, done) {
      if (entry.isFile) { entry.file(function (f) { add(f, prefix + f.name); done(); }, done); return; }
      var reader = entry.createReader(), all = [];
      (function more() {
        reader.readEntries(function (batch) {
          if (!batch.length) {
            var left = all.length; if (!left) { done(); return; }
            all.forEach(function (child) { walk(child, prefix + entry.name + "/", function () { if (--left === 0) done(); }); });
            return;
          }
          all = all.concat(Array.prototype.slice.call(batch)); more();
        }, done);
      })();
    }
    ["dragenter", "dragover"].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add("over"); }); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (e) {
      e.preventDefault(); drop.classList.remove("over");
      var items = e.dataTransfer.items, left = items ? items.length : 0;
      if (!left) { Array.prototype.forEach.call(e.dataTransfer.files, function (f) { add(f); }); show(); return; }
      Array.prototype.forEach.call(items, function (it) {
        var entry = it.webkitGetAsEntry && it.webkitGetAsEntry();
        if (entry) walk(entry, "", function () { if (--left === 0) show(); });
        else { add(it.getAsFile()); if (--left === 0) show(); }
      });
    });
    form.addEventListener("submit", function (e) {
      if (!picked.length) return;  // plain form post (files chosen with the input)
      e.preventDefault();
      var data = new FormData();
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.type === "file" || (el.type === "checkbox" && !el.checked)) return;
        data.append(el.name, el.value);
      });
      picked.forEach(function (p) { data.append("files", p.file, p.file.name); data.append("paths", p.path); });
      var xhr = new XMLHttpRequest(), bar = $("#upload-progress");
      bar.hidden = false;
      xhr.upload.addEventListener("progress", function (ev) { if (ev.lengthComputable) bar.value = 100 * ev.loaded / ev.total; });
      xhr.onload = function () {
        var reply = {}; try { reply = JSON.parse(xhr.responseText); } catch (err) {
          reply = { error: xhr.status === 413 ? "上传内容过大，已拒绝上传；请分批上传" : "上传失败（" + xhr.status + "）" }; }
        if (reply.error) { chosen.textContent = reply.error; chosen.className = "error"; bar.hidden = true; return; }
        window.location.reload();
      };
      xhr.onerror = function () { chosen.textContent = "上传中断，请重试"; chosen.className = "error"; };
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("X-CSRFToken", form.querySelector("[name=csrfmiddlewaretoken]").value);
      xhr.send(data);
    });
  }

  // -- live status of a round's cases while some are queued or being reviewed.
  var table = $("#cases");
  if (table && table.dataset.pending === "1") {
    var timer = setInterval(function () {
      fetch(table.dataset.statusUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (data) {
        var busy = false;
        data.cases.forEach(function (c) {
          var row = table.querySelector('tr[data-id="' + c.id + '"]');
          if (!row) return;
          var st = row.querySelector(".status");
          var secs = c.started ? Math.round((Date.now() - Date.parse(c.started)) / 1000) : null;
          st.textContent = c.label + (c.status === "running" && secs !== null ? "（" + secs + " 秒）" : "") + (c.status === "failed" && c.error ? "：" + c.error : "");
          st.className = "status s-" + c.status;
          row.querySelector(".score").textContent = c.score === null ? "—" : c.score;
          row.querySelector(".grade").textContent = c.grade || "—";
          row.querySelector(".veto").textContent = c.veto ? "是" : "否";
          row.querySelector(".manual").textContent = c.manual ? "有" : "无";
          if (c.status === "queued" || c.status === "running") busy = true;
        });
        if (!busy) { clearInterval(timer); table.dataset.pending = "0"; }
      });
    }, 2000);
  }

  // -- a case page waiting for its review reloads itself.
  var wait = document.querySelector("[data-reload]");
  if (wait) setTimeout(function () { window.location.reload(); }, 1000 * Number(wait.dataset.reload));

  // -- the evidence picture: say so when the quote could not be found on the page.
  var pic = $("#evidence-picture");
  if (pic) {
    fetch(pic.src, { method: "HEAD", credentials: "same-origin" }).then(function (r) {
      if (r.headers.get("X-Evidence-Found") === "0") $("#evidence-caption").textContent = "未能在页面上定位引用文字，请对照上方引文查看第 " + r.headers.get("X-Evidence-Page") + " 页。";
      else if (r.ok) $("#evidence-caption").textContent = "第 " + r.headers.get("X-Evidence-Page") + " 页，引用文字以黄色框标出。";
      else $("#evidence-caption").textContent = "无法显示该页面。";
    });
  }
})();
