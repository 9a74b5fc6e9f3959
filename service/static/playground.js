// The playground: sends the page to the public API (POST /v1/clean with explain) and shows every
// block, kept or removed, in reading order. Page content is hostile web text, so every piece of it
// goes into the DOM as a text node (textContent / createTextNode), never as markup.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("clean-form");
  const content = $("content");
  const fileInput = $("file");
  const status = $("status");
  const button = $("clean-button");
  let chosenFile = null;

  /** An element with attributes and children; strings become text nodes, never HTML. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  const number = (n) => Number(n).toLocaleString("en");

  function setStatus(node, message, isError) {
    node.textContent = message;
    node.classList.toggle("error", Boolean(isError));
  }

  // ---- input: text box or file ------------------------------------------------------------------

  function chooseFile(file) {
    chosenFile = file;
    $("file-chosen").hidden = !file;
    $("file-name").textContent = file ? `${file.name} (${number(file.size)} bytes)` : "";
    if (!file) fileInput.value = "";
  }

  fileInput.addEventListener("change", () => chooseFile(fileInput.files[0] || null));
  $("file-clear").addEventListener("click", () => {
    chooseFile(null);
    content.focus();
  });
  content.addEventListener("input", () => chosenFile && chooseFile(null));
  content.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => {
    if (!event.dataTransfer || !Array.from(event.dataTransfer.types).includes("Files")) return;
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    zone.classList.remove("dragging");
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    chooseFile(file);
  });

  // ---- the API call ----------------------------------------------------------------------------

  /** A file goes as the raw body (so its charset and gzip are read by the service); text as JSON. */
  function buildRequest(format, url, rendering) {
    if (chosenFile) {
      const query = new URLSearchParams({ explain: "true", output_format: rendering });
      if (format !== "auto") query.set("format", format);
      if (url) query.set("url", url);
      const type = ["text/html", "text/plain"].includes(chosenFile.type) ? chosenFile.type : "application/octet-stream";
      return [`/v1/clean?${query}`, { method: "POST", headers: { "Content-Type": type, Accept: "application/json" }, body: chosenFile }];
    }
    const body = JSON.stringify({ content: content.value, format, url: url || null, explain: true, output_format: rendering });
    return ["/v1/clean", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body }];
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!chosenFile && !content.value.trim()) {
      setStatus(status, "Paste a page or choose a file first.", true);
      content.focus();
      return;
    }
    const format = form.elements.format.value;
    const rendering = form.elements.rendering.value;
    const url = $("url").value.trim();
    button.disabled = true;
    $("article").setAttribute("aria-busy", "true");
    setStatus(status, "Cleaning…");
    try {
      const response = await fetch(...buildRequest(format, url, rendering));
      const payload = await response.json().catch(() => null);
      if (!response.ok || !payload || payload.error) {
        const error = (payload && payload.error) || {};
        const id = error.request_id || response.headers.get("X-Request-ID");
        const message = `${response.status} ${error.code || "error"}: ${error.message || response.statusText}`;
        clearResult();
        setStatus(status, id ? `${message} (request id ${id})` : message, true);
        return;
      }
      show(payload, rendering);
      const removed = payload.blocks.filter((block) => block.removed).length;
      setStatus(status, `Cleaned: ${removed} of ${payload.blocks.length} blocks removed.`);
    } catch (error) {
      clearResult();
      setStatus(status, `The service did not answer: ${error.message}`, true);
    } finally {
      button.disabled = false;
      $("article").removeAttribute("aria-busy");
    }
  });

  // ---- the result --------------------------------------------------------------------------------

  function reasonBadge(block) {
    const badge = el("span", { class: `badge reason-${block.removed}` });
    if (block.removed === "duplicate" && block.duplicate_of !== null) {
      badge.append("duplicate of ", el("a", { href: `#block-${block.duplicate_of}` }, `block ${block.duplicate_of}`));
    } else {
      badge.append(block.removed);
    }
    return badge;
  }

  function blockBody(block) {
    if (!block.removed) return el("span", { class: "text" }, block.text);
    return el(
      "span",
      { class: "removal" },
      el("span", { class: "visually-hidden" }, "Removed: "),
      el("del", { class: "text" }, block.text),
      " ",
      reasonBadge(block),
      block.why ? el("span", { class: "why" }, block.why) : null,
    );
  }

  const RENDERING_NAMES = { text: "text", markdown: "Markdown", html: "HTML" };

  /** A run of blocks outside the article (menus, footers, sidebars of an HTML page), collapsed. */
  function outsideRun(run) {
    const where = [...new Set(run.map((block) => block.rule))].join(", ");
    const list = el("ol", { class: "blocks" });
    for (const block of run) {
      list.append(el(
        "li",
        { class: "block removed kind-" + block.kind, id: `block-${block.index}`, "data-index": block.index, "data-reason": block.removed },
        el("span", { class: "index" }, el("span", { class: "visually-hidden" }, "block "), String(block.index)),
        el("div", { class: "body" }, blockBody(block)),
      ));
    }
    const noun = run.length === 1 ? "block" : "blocks";
    return el(
      "li",
      { class: "outside removed", "data-reason": "outside_article" },
      el("details", null, el("summary", null, `${run.length} ${noun} outside the article (${where})`), list),
    );
  }

  function renderBlocks(blocks) {
    const list = $("blocks");
    const items = document.createDocumentFragment();
    let previous = null;
    let run = [];
    const flush = () => {
      if (run.length) items.append(outsideRun(run));
      run = [];
    };
    for (const block of blocks) {
      if (block.removed === "outside_article") {
        run.push(block);
        previous = null;
        continue;
      }
      flush();
      const state = block.removed ? "removed" : "kept";
      // A fragment was split off the end of the block before it (a pic.twitter.com link glued to a
      // sentence): it is shown where it was, at the end of that block.
      if (block.kind === "fragment" && previous) {
        previous.append(" ", el("span", { class: `fragment ${state}`, id: `block-${block.index}`, "data-reason": block.removed }, blockBody(block)));
        continue;
      }
      previous = el("div", { class: "body" }, blockBody(block));
      items.append(el(
        "li",
        { class: `block ${state} kind-${block.kind}`, id: `block-${block.index}`, "data-index": block.index, "data-reason": block.removed },
        el("span", { class: "index" }, el("span", { class: "visually-hidden" }, "block "), String(block.index)),
        previous,
      ));
    }
    flush();
    list.replaceChildren(items);
  }

  function renderCounts(result) {
    const entries = Object.entries(result.removed);
    const kept = result.blocks.filter((block) => !block.removed).length;
    const items = entries.map(([reason, count]) =>
      el("li", { "data-reason": reason }, el("span", { class: `badge reason-${reason}` }, reason), ` ${count}`));
    items.push(el("li", { class: "kept-count" }, el("span", { class: "badge kept" }, "kept"), ` ${kept}`));
    $("counts").replaceChildren(...items);
  }

  function renderMetadata(result) {
    const fields = [["Title", result.title], ["Author", result.author], ["Date", result.date], ["URL", result.url],
      ["Site", result.sitename], ["Language", result.language], ["Format", result.format], ["Page type", result.page_type],
      ["Paywalled", result.paywalled === null || result.paywalled === undefined ? null : (result.paywalled ? "yes" : "no")]];
    const rows = fields.flatMap(([name, value]) => [
      el("dt", null, name),
      el("dd", { class: value ? null : "absent" }, value ? String(value) : "not found"),
    ]);
    $("metadata").replaceChildren(...rows);
  }

  function show(result, rendering) {
    const removed = result.blocks.filter((block) => block.removed).length;
    $("summary-line").textContent = `Taken as ${result.format}: ${number(result.chars_in)} characters in, ` +
      `${number(result.chars_out)} out; ${removed} of ${result.blocks.length} blocks removed.`;
    renderCounts(result);
    renderMetadata(result);
    $("clean-text").value = rendering && result[rendering] ? result[rendering] : result.text;
    $("clean-text-title").textContent = `Clean article (${RENDERING_NAMES[rendering] || "text"})`;
    $("copy-button").textContent = `Copy ${RENDERING_NAMES[rendering] || "text"}`;
    setStatus($("copy-status"), "");
    renderBlocks(result.blocks);
    $("summary").hidden = false;
    $("article-empty").hidden = true;
  }

  /** After an error, no earlier page's result may stay on screen as if it were this one's. */
  function clearResult() {
    $("summary").hidden = true;
    $("counts").replaceChildren();
    $("metadata").replaceChildren();
    $("summary-line").textContent = "";
    $("clean-text").value = "";
    setStatus($("copy-status"), "");
    $("blocks").replaceChildren();
    $("article-empty").hidden = false;
  }

  $("show-removed").addEventListener("change", (event) => {
    $("blocks").classList.toggle("hide-removed", !event.target.checked);
  });

  $("copy-button").addEventListener("click", async () => {
    const text = $("clean-text").value;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (an insecure origin, some browsers): select it and copy the old way.
      $("clean-text").select();
      if (!document.execCommand("copy")) {
        setStatus($("copy-status"), "Select the text and copy it with Ctrl+C.", true);
        return;
      }
    }
    setStatus($("copy-status"), `Copied ${number(text.length)} characters.`);
  });
})();
