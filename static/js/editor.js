/* Section editor of a text written section by section (a submission, a report): simple
   formatting, live word counts, autosave that never loses text. Without this script the page is a plain form that saves every section at once. */
(function () {
  "use strict";
  // The server's allowlist (core/richtext.py), given by the page: one list, not two.
  var allowlistData = document.getElementById("editor-allowlist");
  if (!allowlistData) return;
  var allowlist = JSON.parse(allowlistData.textContent);
  var ALLOWED = {};
  allowlist.tags.forEach(function (tag) { ALLOWED[tag.toUpperCase()] = allowlist.attributes[tag] || []; });
  var SCHEME = /^([a-z][a-z0-9+.\-]*):/i;

  function allowedLink(value) {
    var scheme = SCHEME.exec(value.trim());
    return !!scheme && allowlist.urlSchemes.indexOf(scheme[1].toLowerCase()) !== -1;
  }

  // The server sanitises on save; this keeps pasted or restored markup to what it will keep.
  function clean(html) {
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    (function walk(node) {
      Array.prototype.slice.call(node.children).forEach(function (child) {
        walk(child);
        if (!ALLOWED[child.tagName]) {
          if (child.tagName === "SCRIPT" || child.tagName === "STYLE") { child.remove(); return; }
          child.replaceWith.apply(child, Array.prototype.slice.call(child.childNodes));
          return;
        }
        Array.prototype.slice.call(child.attributes).forEach(function (attribute) {
          var keep = ALLOWED[child.tagName].indexOf(attribute.name) !== -1 &&
            (attribute.name !== "href" || allowedLink(attribute.value));
          if (!keep) child.removeAttribute(attribute.name);
        });
      });
    })(doc.body);
    return doc.body.innerHTML;
  }
  window.gcmEditor = { clean: clean };

  var form = document.querySelector("form.section-editor-form");
  if (!form || form.dataset.editable !== "true") return;
  var words = document.getElementById("editor-messages").dataset;
  var csrfInput = form.querySelector("input[name=csrfmiddlewaretoken]");

  // Signing in again (in another tab) rotates the CSRF token: read the current one each time.
  function csrfToken() {
    var name = form.dataset.csrfCookie + "=";
    var found = document.cookie.split("; ").filter(function (c) { return c.indexOf(name) === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length)) : csrfInput.value;
  }
  var sessionLost = document.querySelector(".session-lost");
  // New paragraphs are <p>, which the server keeps, rather than the browser's default <div>.
  document.execCommand("defaultParagraphSeparator", false, "p");

  function Section(root) {
    this.root = root;
    this.url = root.dataset.autosaveUrl;
    this.textarea = root.querySelector("textarea.section-text");
    this.versionInput = root.querySelector("input.section-version");
    this.limit = parseInt(this.textarea.dataset.limit, 10) || 0;
    this.count = root.querySelector(".count-value");
    this.warning = root.querySelector(".limit-warning");
    this.state = root.querySelector(".save-state");
    this.panel = root.querySelector(".conflict-panel");
    this.storageKey = "gcm-draft:" + this.url;
    this.dirty = false;
    this.inConflict = false;
    this.timer = null;
    this.build();
    this.restoreBackup();
    this.updateCount();
  }

  Section.prototype.build = function () {
    var self = this;
    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar";
    toolbar.setAttribute("role", "toolbar");
    [["bold", words.bold], ["italic", words.italic], ["insertUnorderedList", words.bullets],
     ["insertOrderedList", words.numbers], ["createLink", words.link]].forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = item[1];
      button.addEventListener("click", function () {
        self.editor.focus();
        if (item[0] === "createLink") {
          var href = window.prompt(words.linkPrompt, "https://");
          if (href && allowedLink(href)) document.execCommand("createLink", false, href);
        } else {
          document.execCommand(item[0], false, null);
        }
        self.changed();
      });
      toolbar.appendChild(button);
    });
    this.editor = document.createElement("div");
    this.editor.className = "editor";
    this.editor.contentEditable = "true";
    this.editor.setAttribute("role", "textbox");
    this.editor.setAttribute("aria-multiline", "true");
    this.editor.setAttribute("aria-labelledby", this.root.querySelector("h2").id);
    this.editor.setAttribute("aria-describedby", this.textarea.getAttribute("aria-describedby"));
    this.editor.lang = this.textarea.lang;
    this.editor.dir = "auto";
    this.editor.innerHTML = clean(this.textarea.value);
    // Typing into an empty editor starts a paragraph, so the first line is a <p> like the next ones.
    this.editor.addEventListener("focus", function () {
      if (self.editor.textContent.trim() !== "" || self.editor.querySelector("li")) return;
      self.editor.innerHTML = "<p><br></p>";
      var range = document.createRange();
      range.setStart(self.editor.firstChild, 0);
      range.collapse(true);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    });
    this.editor.addEventListener("input", function () { self.changed(); });
    this.editor.addEventListener("blur", function () { if (self.dirty) self.save(); });
    this.textarea.hidden = true;
    this.textarea.parentNode.insertBefore(toolbar, this.textarea);
    this.textarea.parentNode.insertBefore(this.editor, this.textarea);
    this.panel.querySelector(".keep-mine").addEventListener("click", function () {
      self.versionInput.value = self.theirVersion;
      self.closeConflict();
      self.save();
    });
    this.panel.querySelector(".take-theirs").addEventListener("click", function () {
      self.editor.innerHTML = clean(self.theirText);
      self.versionInput.value = self.theirVersion;
      self.closeConflict();
      self.sync();
      self.dirty = false;
      self.setState(words.saved);
      localStorage.removeItem(self.storageKey);
    });
  };

  Section.prototype.html = function () { return clean(this.editor.innerHTML); };

  Section.prototype.sync = function () {
    this.textarea.value = this.html();
    this.updateCount();
  };

  Section.prototype.updateCount = function () {
    var n = window.gcmWordCount.countWords(this.textarea.value);
    var over = this.limit > 0 && n > this.limit;
    this.count.textContent = n;
    this.root.classList.toggle("over-limit", over);
    // The warning is a status region: it changes, and so is announced, only when the limit is crossed.
    if (this.warning && this.warning.textContent.trim() !== (over ? words.over : "")) {
      this.warning.textContent = over ? words.over : "";
    }
  };

  Section.prototype.setState = function (text) { this.state.textContent = text; };

  Section.prototype.backup = function () {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(
        { text: this.textarea.value, version: this.versionInput.value }));
    } catch (e) { /* storage full or disabled: the server copy still holds the last save */ }
  };

  Section.prototype.restoreBackup = function () {
    var saved;
    try { saved = JSON.parse(localStorage.getItem(this.storageKey) || "null"); } catch (e) { saved = null; }
    if (!saved || saved.text === this.textarea.value) return;
    // Text typed here but never saved (closed tab, lost session): bring it back and save it.
    this.editor.innerHTML = clean(saved.text);
    this.versionInput.value = saved.version;
    this.changed();
  };

  Section.prototype.changed = function () {
    var self = this;
    this.sync();
    this.dirty = true;
    this.backup();
    this.setState("");
    clearTimeout(this.timer);
    if (!this.inConflict) this.timer = setTimeout(function () { self.save(); }, 1500);
  };

  Section.prototype.openConflict = function (data) {
    this.inConflict = true;
    this.theirText = data.text;
    this.theirVersion = data.version;
    this.panel.querySelector(".mine").innerHTML = this.html();
    this.panel.querySelector(".theirs").innerHTML = clean(data.text);
    this.panel.hidden = false;
  };

  Section.prototype.closeConflict = function () {
    this.inConflict = false;
    this.panel.hidden = true;
  };

  Section.prototype.save = function (keepalive) {
    var self = this;
    if (this.inConflict || !this.dirty) return Promise.resolve();
    clearTimeout(this.timer);
    var sentText = this.textarea.value;
    var body = new URLSearchParams({ text: sentText, version: this.versionInput.value });
    this.setState(words.saving);
    return fetch(this.url, {
      method: "POST", body: body, keepalive: !!keepalive, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) {
          self.versionInput.value = data.version;
          sessionLost.hidden = true;
          if (self.textarea.value === sentText) {
            self.dirty = false;
            localStorage.removeItem(self.storageKey);
            self.setState(words.saved);
          } else {
            self.backup();
            self.changed();
          }
        } else if (response.status === 409) {
          self.openConflict(data);
        } else if (response.status === 401 || response.status === 403) {
          sessionLost.hidden = false;
          self.retryLater(10000);
        } else if (response.status === 422) {
          self.setState(words.invalid + ": " + (data.messages || []).join(" "));
        } else {
          self.retryLater(5000);
        }
      });
    }).catch(function () { self.retryLater(5000); });
  };

  Section.prototype.retryLater = function (delay) {
    var self = this;
    this.setState(words.failed);
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.save(); }, delay);
  };

  var sections = Array.prototype.map.call(
    document.querySelectorAll(".outline-section[data-autosave-url]"),
    function (root) { return root.querySelector("textarea.section-text") ? new Section(root) : null; }
  ).filter(Boolean);

  function saveAll() { sections.forEach(function (section) { section.save(true); }); }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") saveAll();
  });
  window.addEventListener("pagehide", saveAll);
  form.addEventListener("submit", function () {
    sections.forEach(function (section) { section.sync(); });
  });
})();
